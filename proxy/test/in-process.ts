import { Writable } from 'node:stream'
import { createApp, type ImageDeckApp } from '../app'
import { loadConfig } from '../config'
import { createLogger } from '../log'
import { createSandboxApp } from '../sandbox/app'
import { generateKeyPair } from '../sandbox/keys'
import { createUpstreamClient } from '../upstream/client'

export interface InProcess extends ImageDeckApp {
  keys: { publicKey: string; privateKey: string }
  /** Every log line, debug level, unscrubbed. */
  logs: string[]
  /** The form bodies the proxy sent upstream, decoded. */
  upstreamParams: Record<string, string>[]
  /** `app.request` with an allowed Host header unless the test sets its own. */
  request(path: string, init?: RequestInit, env?: unknown): Promise<Response>
}

/**
 * The proxy over the real upstream client and signer, talking to the sandbox app in memory (no
 * ports): fast enough for hundreds of requests. Use test/stack.ts for the HTTP path.
 */
export function inProcessApp(
  env: Record<string, string> = {},
  options: { count?: number; staticRoot?: string; now?: () => number } = {},
): InProcess {
  const keys = generateKeyPair()
  const sandbox = createSandboxApp({ keys, count: options.count ?? 60, seed: 7 })
  const logs: string[] = []
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk))
      callback()
    },
  })
  const log = createLogger({ level: 'debug', destination })
  const config = loadConfig({
    IMAGEDECK_RATE_LIMIT: '100000',
    UCLOUD_MAX_RPS: '1000',
    UCLOUD_RPS_BURST: '1000',
    ...env,
  })
  const upstreamParams: Record<string, string>[] = []
  const upstream = createUpstreamClient(
    {
      baseUrl: 'http://sandbox.invalid/',
      ...keys,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      burst: config.burst,
      userAgent: 'ImageDeck/test',
    },
    {
      log,
      fetch: async (input, init) => {
        upstreamParams.push(Object.fromEntries(new URLSearchParams(init?.body as URLSearchParams)))
        return sandbox.fetch(new Request(String(input), init))
      },
    },
  )
  const built = createApp({
    config,
    upstream,
    log,
    version: 'test',
    staticRoot: options.staticRoot,
    now: options.now,
  })
  return {
    ...built,
    keys,
    logs,
    upstreamParams,
    request(path, init = {}, requestEnv) {
      const headers = new Headers(init.headers)
      if (!headers.has('host')) headers.set('host', 'localhost')
      return Promise.resolve(built.app.request(path, { ...init, headers }, requestEnv))
    },
  }
}
