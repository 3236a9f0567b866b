import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Logger } from '../log'
import { createSandboxApp, type KeyPair } from './app'
import { createFaultController, type FaultController, type FaultSettings } from './faults'
import { loadFixture } from './fixture'
import { generateKeyPair } from './keys'
import { createStats, type SandboxStats } from './stats'

export interface StartSandboxOptions {
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0: an ephemeral port. */
  port?: number
  /** Generated when absent. */
  keys?: KeyPair
  seed?: number
  count?: number
  fixturePath?: string
  faults?: FaultSettings
  log?: Logger
  now?: () => number
}

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:41234 (clients POST to `${url}/`). */
  url: string
  port: number
  keys: KeyPair
  faults: FaultController
  stats: SandboxStats
  /** Stops listening and ends every open connection, hanging ones included. */
  close(): Promise<void>
}

/** Starts the sandbox on a real port (design.md §5). */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1'
  const keys = options.keys ?? generateKeyPair()
  const fixture = options.fixturePath ? await loadFixture(options.fixturePath) : null
  const faults = createFaultController(options.faults)
  const stats = createStats()
  const closing = new AbortController()
  const app = createSandboxApp({
    keys,
    seed: options.seed,
    count: options.count,
    fixture,
    faults,
    stats,
    now: options.now,
    log: options.log,
    closing: closing.signal,
  })
  const server = await listen(app.fetch, host, options.port ?? 0)
  const port = (server.address() as AddressInfo).port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    url,
    port,
    keys,
    faults,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], hostname: string, port: number) {
  return new Promise<Server>((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server)) as Server
    server.once('error', reject)
  })
}
