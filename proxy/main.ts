import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { ConfigError, loadConfig, type Config } from './config'
import { createDrain } from './http/drain'
import { limitConnections, serverOptions } from './http/server-limits'
import { createLogger } from './log'
import { startSandbox } from './sandbox/server'
import { createUpstreamClient } from './upstream/client'

/** The only impure entry (style.md §11): environment in, a listening server out. */
async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`ImageDeck cannot start: ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }

  const secrets = [config.keys?.privateKey, config.auth?.password].filter((s): s is string => !!s)
  const log = createLogger({ level: config.logLevel, secrets })
  const root = fileURLToPath(new URL('..', import.meta.url))
  const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }

  // design.md §1: with no keys, a sandbox in this process, signed against like the real API.
  const sandbox =
    config.mode === 'sandbox'
      ? await startSandbox({
          host: '127.0.0.1',
          port: config.sandbox.port,
          seed: config.sandbox.seed,
          count: config.sandbox.count,
          fixturePath: config.sandbox.fixturePath,
          faults: {
            latencyMs: config.sandbox.latencyMs,
            failRate: config.sandbox.failRate,
            retCode: config.sandbox.retCode,
          },
          log: log.child({ component: 'sandbox' }),
        })
      : undefined
  const keys = sandbox?.keys ?? config.keys!
  secrets.push(keys.privateKey)
  const upstream = createUpstreamClient(
    {
      baseUrl: sandbox?.url ?? config.apiBase,
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      burst: config.burst,
      userAgent: `ImageDeck/${version} (Node.js ${process.version})`,
    },
    { log: log.child({ component: 'upstream' }) },
  )
  const { app } = createApp({ config, upstream, log, version, staticRoot: `${root}dist`, secrets })

  const drain = createDrain()
  const listen = {
    fetch: drain.wrap(app.fetch),
    hostname: config.host,
    port: config.port,
    serverOptions: serverOptions(),
  }
  const server = serve(listen, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
    const mode =
      config.mode === 'sandbox'
        ? `sandbox mode: demo data from a local fake of the CompShare API at ${sandbox?.url}`
        : `live mode: ${config.apiBase}`
    process.stdout.write(`ImageDeck on http://${host}:${info.port} (${mode})\n`)
  })
  limitConnections(server as Server)
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      `ImageDeck cannot start: ${error.code === 'EADDRINUSE' ? `PORT ${config.port} is already in use` : error.message}\n`,
    )
    process.exit(1)
  })

  // No rejection may end the process: log it and keep serving.
  process.on('unhandledRejection', (reason) => {
    log.error(
      { err: reason instanceof Error ? reason.message : String(reason) },
      'unhandled rejection',
    )
  })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down: finishing in-flight requests')
    // Slow requests get a bounded grace period; then each still waiting (a stuck upstream) is
    // answered 503 rather than cut off with an empty reply, and the process exits once those
    // answers are out (or shortly after, regardless).
    setTimeout(() => {
      if (drain.pending > 0)
        log.warn({ pending: drain.pending }, 'grace period over: answering 503')
      drain.expire()
      setTimeout(() => process.exit(0), 1_000).unref()
    }, config.shutdownGraceMs).unref()
    server.close(() => {
      void (sandbox?.close() ?? Promise.resolve()).finally(() => process.exit(0))
    })
    if ('closeIdleConnections' in server) {
      // close() waits for every connection: a keep-alive one would hold it open until the
      // client's idle timeout. Close each as soon as its last response is out.
      server.closeIdleConnections()
      setInterval(() => server.closeIdleConnections(), 50).unref()
    }
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

void main()
