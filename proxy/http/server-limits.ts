import type { Server, ServerOptions } from 'node:http'

/**
 * Connection limits for the listening server (issue 12: 20,000 slow-header connections refused
 * real requests for 60 s, Node's default headers timeout, checked every 30 s by default).
 */
export interface ServerLimits {
  /** Time a client has to send its request headers. */
  headersTimeoutMs: number
  /** Time a client has to send its whole request (these are GETs: headers and nothing more). */
  requestTimeoutMs: number
  /** How often the server looks for connections past those timeouts. */
  checkIntervalMs: number
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number
  /** Connections held at once; more are dropped as they arrive, so file descriptors last. */
  maxConnections: number
}

export const SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  checkIntervalMs: 1_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_024,
}

/** node:http options for `serve({ serverOptions })`; the check interval can only be set here. */
export function serverOptions(limits: ServerLimits = SERVER_LIMITS): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  }
}

/** The limit Node reads from the server object rather than from its options. */
export function limitConnections(server: Server, limits: ServerLimits = SERVER_LIMITS): void {
  server.maxConnections = limits.maxConnections
}
