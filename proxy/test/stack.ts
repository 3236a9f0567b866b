import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { serve } from '@hono/node-server'
import { createApp } from '../app'
import { loadConfig } from '../config'
import type { ListCache } from '../images/list-cache'
import { createLogger } from '../log'
import { startSandbox, type RunningSandbox } from '../sandbox/server'
import { createUpstreamClient, type UpstreamDeps } from '../upstream/client'

/** One request the proxy sent upstream, as it went on the wire. */
export interface UpstreamCall {
  url: string
  method: string
  headers: Record<string, string>
  /** The form body, decoded. */
  params: Record<string, string>
  /** performance.now() when the request left and when its response headers arrived. */
  start: number
  end?: number
  /** The body of a 200 answer (read from a clone, so the proxy's own read is untouched). */
  responseText?: Promise<string>
}

export interface Stack {
  url: string
  sandbox: RunningSandbox
  privateKey: string
  /** Every log line the proxy wrote, at debug level, with no secret scrubbing. */
  logs: string[]
  /** Every response body the test read through `get`. */
  bodies: string[]
  /** Every request the proxy sent upstream (recorded by wrapping the upstream client's fetch). */
  upstreamCalls: UpstreamCall[]
  /** The proxy's list cache, so a test can start cold without a new stack. */
  cache: ListCache
  get(
    path: string,
    init?: RequestInit,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert JSON field by field
  ): Promise<{ status: number; headers: Headers; body: any; text: string }>
  close(): Promise<void>
}

/**
 * The real path, end to end over loopback HTTP: proxy ↔ sandbox, no mocks. Logging is not
 * scrubbed here, so a test that finds no key in `logs` shows that nothing logs it at all.
 */
export async function startStack(
  env: Record<string, string> = {},
  options: {
    fixture?: unknown[]
    privateKey?: string
    count?: number
    /** Overrides for the upstream client, e.g. `random: () => 0` for backoff without waits. */
    upstreamDeps?: Omit<UpstreamDeps, 'log' | 'fetch'>
  } = {},
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
  const upstreamCalls: UpstreamCall[] = []
  const recordingFetch: typeof fetch = async (input, init) => {
    const call: UpstreamCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      params: Object.fromEntries(new URLSearchParams(init?.body as URLSearchParams | string)),
      start: performance.now(),
    }
    upstreamCalls.push(call)
    try {
      const response = await fetch(input, init)
      if (response.status === 200) {
        const text = response.clone().text()
        text.catch(() => {})
        call.responseText = text
      }
      return response
    } finally {
      call.end = performance.now()
    }
  }
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
    { ...options.upstreamDeps, log, fetch: recordingFetch },
  )
  const { app, cache } = createApp({ config, upstream, log, version: 'test' })
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
    upstreamCalls,
    cache,
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
