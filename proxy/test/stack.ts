import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { serve } from '@hono/node-server'
import { createApp } from '../app'
import { loadConfig } from '../config'
import { createLogger } from '../log'
import { startSandbox, type RunningSandbox } from '../sandbox/server'
import { createUpstreamClient } from '../upstream/client'

export interface Stack {
  url: string
  sandbox: RunningSandbox
  privateKey: string
  /** Every log line the proxy wrote, at debug level, with no secret scrubbing. */
  logs: string[]
  /** Every response body the test read through `get`. */
  bodies: string[]
  get(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any; text: string }>
  close(): Promise<void>
}

/**
 * The real path, end to end over loopback HTTP: proxy ↔ sandbox, no mocks. Logging is not
 * scrubbed here, so a test that finds no key in `logs` shows that nothing logs it at all.
 */
export async function startStack(
  env: Record<string, string> = {},
  options: { fixture?: unknown[]; privateKey?: string; count?: number } = {},
): Promise<Stack> {
  const sandbox = await startSandbox({ port: 0, count: options.count ?? 240, seed: 42 })
  if (options.fixture) {
    const res = await fetch(`${sandbox.url}/__sandbox/fixture`, {
      method: 'PUT',
      body: JSON.stringify(options.fixture),
      headers: { 'Content-Type': 'application/json' },
    })
    if (!res.ok) throw new Error(`fixture refused: ${await res.text()}`)
  }
  const logs: string[] = []
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk))
      callback()
    },
  })
  const log = createLogger({ level: 'debug', destination })
  const config = loadConfig({ IMAGEDECK_RATE_LIMIT: '100000', ...env })
  const privateKey = options.privateKey ?? sandbox.keys.privateKey
  const upstream = createUpstreamClient(
    {
      baseUrl: sandbox.url,
      publicKey: sandbox.keys.publicKey,
      privateKey,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      burst: config.burst,
      userAgent: 'ImageDeck/test',
    },
    { log },
  )
  const { app } = createApp({ config, upstream, log, version: 'test' })
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const bodies: string[] = []
  return {
    url,
    sandbox,
    privateKey: sandbox.keys.privateKey,
    logs,
    bodies,
    async get(path, init) {
      const res = await fetch(url + path, init)
      const text = await res.text()
      bodies.push(text)
      let body: unknown
      try {
        body = JSON.parse(text.replace(/^\uFEFF/, ''))
      } catch {
        body = undefined
      }
      return { status: res.status, headers: res.headers, body, text }
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      await sandbox.close()
    },
  }
}
