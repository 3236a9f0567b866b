import type { Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { SERVER_LIMITS, limitConnections, serverOptions, type ServerLimits } from './server-limits'

/** Slow-header clients (issue 12: 20,000 of them refused real requests for 60 s), over loopback. */

const LIMITS: ServerLimits = {
  headersTimeoutMs: 400,
  requestTimeoutMs: 800,
  checkIntervalMs: 100,
  keepAliveTimeoutMs: 1000,
  maxConnections: 20,
}

let server: Server | undefined
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

async function start(limits: ServerLimits): Promise<number> {
  const app = new Hono().get('/', (c) => c.text('ok'))
  server = serve({
    fetch: app.fetch,
    port: 0,
    hostname: '127.0.0.1',
    serverOptions: serverOptions(limits),
  }) as Server
  limitConnections(server, limits)
  await new Promise<void>((resolve) => server!.once('listening', () => resolve()))
  return (server.address() as AddressInfo).port
}

/** A client that sends half its headers and stalls; resolves with ms until the server hangs up. */
function slowClient(port: number): Promise<number> {
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n'))
    sockets.push(socket)
    socket.on('error', () => {})
    socket.on('close', () => resolve(performance.now() - started))
    socket.resume()
  })
}

describe('server limits', () => {
  it('hangs up on clients that never finish their headers, within the headers timeout', async () => {
    const port = await start(LIMITS)
    const closed = await Promise.all(Array.from({ length: 15 }, () => slowClient(port)))
    for (const ms of closed) expect(ms).toBeLessThan(LIMITS.headersTimeoutMs + 600)
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)
  })

  it('holds at most maxConnections; real requests get through once the stalled ones are cut', async () => {
    const port = await start(LIMITS)
    const stalled = Array.from({ length: 40 }, () => slowClient(port))
    await new Promise((resolve) => setTimeout(resolve, 100))
    // The excess were dropped on arrival, not queued to hold file descriptors.
    expect(await connectionCount(server!)).toBeLessThanOrEqual(20)
    await Promise.all(stalled)
    const started = performance.now()
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(200)
  })

  it('ships limits far below Node’s defaults (60 s headers, 300 s request, 30 s check)', () => {
    expect(SERVER_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000)
    expect(SERVER_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(15_000)
    expect(SERVER_LIMITS.checkIntervalMs).toBeLessThanOrEqual(1_000)
    expect(SERVER_LIMITS.maxConnections).toBeGreaterThan(0)
  })
})

function connectionCount(s: Server): Promise<number> {
  return new Promise((resolve, reject) =>
    s.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  )
}
