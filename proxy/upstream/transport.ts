import http from 'node:http'
import https from 'node:https'
import type { Readable, Transform } from 'node:stream'
import zlib from 'node:zlib'

/** What an exchange reads of the API's answer. */
export interface Answer {
  status: number
  header(name: string): string | undefined
  /** The body, decompressed, chunk by chunk. */
  body: AsyncIterable<Uint8Array>
  /** Stops reading the body and lets its connection go. */
  discard(): void
}

export interface PostInit {
  headers: Record<string, string>
  body: string
  signal: AbortSignal
}

/** One POST to the API; rejects with an Error (or `signal.reason`) when no answer came. */
export type Post = (url: string, init: PostInit) => Promise<Answer>

// Connections stay open between the pages of a list (design.md §2: one host, many small calls).
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
}

const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
}

/**
 * POSTs with Node's own http/https client. Chosen over `fetch` for its cost: 100 calls with a
 * 73 KB JSON body, 8 at a time, took 245-272 ms of CPU through fetch and a body reader and
 * 93-128 ms this way (server included). At 10,000 images the proxy's one thread is busy for the
 * whole cold list, so that difference is wall time too (issue 9's cold list guard).
 */
export const nodePost: Post = (url, { headers, body, signal }) =>
  new Promise<Answer>((resolve, reject) => {
    const target = new URL(url)
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      reject(new TypeError(`The API URL must be http or https, got ${target.protocol}`))
      return
    }
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        agent: agents[target.protocol],
        headers: {
          ...headers,
          'Accept-Encoding': 'gzip, deflate, br',
          'Content-Length': String(Buffer.byteLength(body)),
        },
        signal,
      },
      (response) => {
        const coding = String(response.headers['content-encoding'] ?? '').toLowerCase()
        const decoder = DECODERS[coding]?.()
        const stream: Readable = decoder ? response.pipe(decoder) : response
        if (decoder) response.once('error', (error) => decoder.destroy(error))
        resolve({
          status: response.statusCode ?? 0,
          header(name) {
            const value = response.headers[name.toLowerCase()]
            return Array.isArray(value) ? value.join(', ') : value
          },
          body: stream,
          discard() {
            response.destroy()
            decoder?.destroy()
          },
        })
      },
    )
    // `on`, not `once`: a second error (a reset after an abort) must not go unhandled.
    request.on('error', (error) => reject(signal.aborted ? signal.reason : error))
    request.end(body)
  })

/** The same POST through a `fetch` function: for tests that route the API in process. */
export function fetchPost(fetchFn: typeof fetch): Post {
  return async (url, { headers, body, signal }) => {
    // A redirect must not carry the signed form to another place; it reads as a bad answer.
    const response = await fetchFn(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal,
    })
    return {
      status: response.status,
      header: (name) => response.headers.get(name) ?? undefined,
      body: response.body ?? noBody(),
      discard: () => void response.body?.cancel().catch(() => {}),
    }
  }
}

async function* noBody(): AsyncIterable<Uint8Array> {}
