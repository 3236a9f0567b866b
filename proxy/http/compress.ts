import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

/** The content codings the proxy sends, in the order it prefers them when a client accepts both. */
export type Encoding = 'br' | 'gzip'
export const ENCODINGS: readonly Encoding[] = ['br', 'gzip']

/**
 * The coding to answer with (RFC 9110 §12.5.3): the accepted one with the highest q-value among
 * `available`, ties going to the earlier; `*` stands for any coding not named; q=0 refuses.
 * `identity` when the client names none of them (or sends no header at all).
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly Encoding[] = ENCODINGS,
): Encoding | 'identity' {
  if (!header) return 'identity'
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam === undefined ? 1 : Number(qParam.slice(2))
    q.set(name.trim(), Number.isFinite(value) ? value : 0)
  }
  let best: Encoding | 'identity' = 'identity'
  let bestQ = 0
  for (const encoding of available) {
    const value = q.get(encoding) ?? q.get('*') ?? 0
    if (value > bestQ) {
      best = encoding
      bestQ = value
    }
  }
  return best
}

/** Adds `Accept-Encoding` to a response's `Vary` unless it is there already. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary')
  if (vary === '*' || (vary && /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary))) return
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
/**
 * Bodies up to this size are compressed on the event loop (a 20 KB page takes ~0.2 ms, less than
 * the thread pool's round trip); larger ones, exports above all, on the thread pool.
 */
const SYNC_LIMIT = 256 * 1024

function compress(body: Uint8Array, encoding: Encoding): Buffer | Promise<Buffer> {
  if (encoding === 'gzip') {
    const options = { level: 6 }
    return body.byteLength <= SYNC_LIMIT ? gzipSync(body, options) : gzipAsync(body, options)
  }
  // Quality 4: about gzip's speed at a smaller size (11, as for the built assets, is ~50× slower).
  const options = {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  }
  return body.byteLength <= SYNC_LIMIT ? brotliCompressSync(body, options) : brotli(body, options)
}

const COMPRESSIBLE = /^(application\/json|text\/csv)\b/i

/**
 * Compresses JSON and CSV answers (the list, facets, exports) by `Accept-Encoding`, brotli before
 * gzip; bodies under `threshold` bytes go as they are (a few hundred bytes gain nothing).
 */
export function compressResponses(options: { threshold?: number } = {}): MiddlewareHandler {
  const threshold = options.threshold ?? 1024
  return async (c, next) => {
    await next()
    const res = c.res
    if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return
    if (res.headers.has('Content-Encoding')) return
    varyOnEncoding(res.headers)
    if (!res.body || c.req.method === 'HEAD') return
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'))
    if (encoding === 'identity') return
    const body = new Uint8Array(await res.arrayBuffer())
    if (body.byteLength < threshold) {
      c.res = new Response(body, res)
      return
    }
    const compressed = await compress(body, encoding)
    c.res = new Response(compressed, res)
    // After the assignment: Hono's setter copies the old response's headers onto the new one.
    c.res.headers.set('Content-Encoding', encoding)
    c.res.headers.set('Content-Length', String(compressed.byteLength))
  }
}
