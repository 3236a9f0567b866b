import { Agent, request } from 'node:http'

/** One keep-alive connection: requests go one after another over the same socket. */
export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 })
}

export interface Timed {
  status: number
  ms: number
  body: string
}

/** GET with the whole body read; `ms` from sending to the last byte. */
export function timedGet(url: string, agent: Agent, timeoutMs = 30_000): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request(url, { agent, method: 'GET', timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end()
  })
}

/** timedGet that insists on a 2xx answer. */
export async function getOk(url: string, agent: Agent, timeoutMs?: number): Promise<Timed> {
  const res = await timedGet(url, agent, timeoutMs)
  if (res.status < 200 || res.status > 299) {
    throw new Error(`GET ${url} answered ${res.status}: ${res.body.slice(0, 300)}`)
  }
  return res
}
