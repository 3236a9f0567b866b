import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { nodePost, type Answer } from './transport'

const servers: ReturnType<typeof createServer>[] = []
afterEach(() => servers.splice(0).forEach((s) => s.close()))

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

async function text(answer: Answer): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of answer.body) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}

const post = (url: string, signal = new AbortController().signal) =>
  nodePost(url, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'a=镜像',
    signal,
  })

describe('nodePost', () => {
  it('sends the form with its length and decodes a gzip or brotli answer', async () => {
    const seen: { length?: string; encoding?: string; body: string }[] = []
    const json = JSON.stringify({ RetCode: 0, Name: '镜像'.repeat(500) })
    const url = await serve((req, res) => {
      let body = ''
      req.setEncoding('utf8').on('data', (c: string) => (body += c))
      req.on('end', () => {
        seen.push({
          length: req.headers['content-length'],
          encoding: req.headers['accept-encoding'],
          body,
        })
        const br = req.url === '/br'
        res.writeHead(200, { 'Content-Encoding': br ? 'br' : 'gzip', 'X-Id': 'r1' })
        res.end(br ? brotliCompressSync(json) : gzipSync(json))
      })
    })
    const gz = await post(url)
    expect(gz.status).toBe(200)
    expect(gz.header('x-id')).toBe('r1')
    expect(await text(gz)).toBe(json)
    expect(await text(await post(`${url}br`))).toBe(json)
    expect(seen[0]).toEqual({
      length: String(Buffer.byteLength('a=镜像')),
      encoding: 'gzip, deflate, br',
      body: 'a=镜像',
    })
  })

  it('does not follow a redirect', async () => {
    let hits = 0
    const url = await serve((_req, res) => {
      hits++
      res.writeHead(302, { Location: '/elsewhere' }).end()
    })
    const answer = await post(url)
    expect(answer.status).toBe(302)
    answer.discard()
    expect(hits).toBe(1)
  })

  it('rejects with the abort reason when the signal aborts before the answer', async () => {
    const url = await serve(() => {}) // never answers
    const controller = new AbortController()
    const pending = post(url, controller.signal)
    setTimeout(() => controller.abort(new Error('deadline')), 20)
    await expect(pending).rejects.toThrow('deadline')
  })

  it('refuses a URL that is not http or https', async () => {
    await expect(post('file:///etc/passwd')).rejects.toThrow('must be http or https')
  })
})
