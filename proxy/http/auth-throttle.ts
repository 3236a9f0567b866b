import type { MiddlewareHandler } from 'hono'
import { clientOf } from './client-address'
import { ApiError } from './errors'
import { requireAuth } from './security'

export interface AuthThrottleOptions {
  /** Failed sign-ins a client may make within `windowMs` (design.md §4: 10 in 10 minutes). */
  maxFailures?: number
  windowMs?: number
  now?: () => number
  /** Clients remembered at once; the oldest is forgotten first, so memory stays bounded. */
  maxClients?: number
}

/** Failure times per client, pruned to the window: the bookkeeping behind `throttledAuth`. */
export function createAuthThrottle(options: AuthThrottleOptions = {}) {
  const max = options.maxFailures ?? 10
  const windowMs = options.windowMs ?? 10 * 60_000
  const now = options.now ?? Date.now
  const maxClients = options.maxClients ?? 10_000
  const failures = new Map<string, number[]>()
  const recent = (key: string, t: number) => {
    const times = (failures.get(key) ?? []).filter((at) => t - at < windowMs)
    if (times.length === 0) failures.delete(key)
    else failures.set(key, times)
    return times
  }
  return {
    /** Seconds until `key` may try again; 0 when it may now. */
    blockedFor(key: string): number {
      const t = now()
      const times = recent(key, t)
      if (times.length < max) return 0
      return Math.max(1, Math.ceil((times[times.length - max]! + windowMs - t) / 1000))
    },
    fail(key: string): void {
      const t = now()
      const times = recent(key, t)
      failures.delete(key)
      if (failures.size >= maxClients) failures.delete(failures.keys().next().value as string)
      failures.set(key, [...times, t].slice(-max))
    },
    succeed(key: string): void {
      failures.delete(key)
    },
  }
}

/**
 * HTTP Basic auth with password guessing throttled per client (design.md §4): after
 * `maxFailures` wrong credentials within the window, that client gets 429 with Retry-After, even
 * with the right password, until the window passes; other clients are unaffected. Only requests
 * that carry credentials count, so a browser's first, credential-less request is no failure.
 */
export function throttledAuth(
  auth: { user: string; password: string },
  options: AuthThrottleOptions = {},
): MiddlewareHandler {
  const check = requireAuth(auth)
  const throttle = createAuthThrottle(options)
  return async (c, next) => {
    const client = clientOf(c)
    const wait = throttle.blockedFor(client)
    if (wait > 0) {
      throw new ApiError(429, 'RATE_LIMITED', 'Too many failed sign-ins: try again later', {
        headers: { 'Retry-After': String(wait) },
      })
    }
    let passed = false
    try {
      await check(c, async () => {
        passed = true
        await next()
      })
    } catch (error) {
      if (!passed && c.req.header('authorization') !== undefined) throttle.fail(client)
      throw error
    }
    if (passed) throttle.succeed(client)
  }
}
