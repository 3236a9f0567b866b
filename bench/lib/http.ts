import { Agent, request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

/** What a browser sends: the proxy compresses JSON and CSV answers for it (proxy/http/compress.ts). */
export const BROWSER_ENCODINGS = { 'Accept-Encoding': 'br, gzip' }

/** One keep-alive connection: requests go one after another over the same socket. */
export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 })
}

export interface Timed {
  status: number
  ms: number
  /** The body decoded (br or gzip undone), as text. */
  body: string
  headers: Record<string, string | string[] | undefined>
  /**
   * Bytes read from the socket: status line, headers and body as sent. Only without an agent
   * (a connection of its own) is that this response alone.
   */
  wireBytes: number
  /** The body's bytes as sent (compressed when it was). */
  bodyBytes: number
}

/**
 * GET with the whole body read; `ms` from sending to the last byte. Without an agent the request
 * gets a connection of its own, so `wireBytes` counts exactly this response.
 */
export function timedGet(
  url: string,
  agent: Agent | false,
  timeoutMs = 30_000,
  headers: Record<string, string> = {},
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request(url, { agent, method: 'GET', timeout: timeoutMs, headers }, (res) => {
      const chunks: Buffer[] = []
      const socket = res.socket // a kept-alive socket goes back to its agent before 'end'
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const coding = res.headers['content-encoding']
        const body =
          coding === 'br' ? brotliDecompressSync(raw) : coding === 'gzip' ? gunzipSync(raw) : raw
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          body: body.toString('utf8'),
          headers: res.headers,
          wireBytes: socket.bytesRead,
          bodyBytes: raw.byteLength,
        })
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end()
  })
}

/** timedGet that insists on a 2xx answer. */
export async function getOk(
  url: string,
  agent: Agent | false,
  timeoutMs?: number,
  headers?: Record<string, string>,
): Promise<Timed> {
  const res = await timedGet(url, agent, timeoutMs, headers)
  if (res.status < 200 || res.status > 299) {
    throw new Error(`GET ${url} answered ${res.status}: ${res.body.slice(0, 300)}`)
  }
  return res
}
