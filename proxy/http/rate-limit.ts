import type { Context, MiddlewareHandler } from 'hono'
import { parseFresh, singleQuery } from '../routes/params'
import { ApiError } from './errors'

export interface RateLimitOptions {
  /** Requests per minute per client. */
  perMinute: number
  /** `fresh=1` bypasses the cache and spends the account's API quota: it gets this share. */
  freshPerMinute: number
  clientKey: (c: Parameters<MiddlewareHandler>[0]) => string
  now?: () => number
  maxClients?: number
}

interface Bucket {
  tokens: number
  fresh: number
  at: number
}

/**
 * A token bucket per client, so one browser tab cannot spend the account's API quota
 * (issue: hardening). Answers 429 with Retry-After.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now
  const maxClients = options.maxClients ?? 10_000
  const buckets = new Map<string, Bucket>()
  const refill = (bucket: Bucket, t: number) => {
    const minutes = (t - bucket.at) / 60_000
    bucket.tokens = Math.min(options.perMinute, bucket.tokens + minutes * options.perMinute)
    bucket.fresh = Math.min(options.freshPerMinute, bucket.fresh + minutes * options.freshPerMinute)
    bucket.at = t
  }
  const retryAfter = (missing: number, perMinute: number) =>
    String(Math.max(1, Math.ceil((missing * 60) / perMinute)))

  return async (c, next) => {
    const key = options.clientKey(c)
    const t = now()
    let bucket = buckets.get(key)
    if (!bucket) {
      if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value as string)
      bucket = { tokens: options.perMinute, fresh: options.freshPerMinute, at: t }
      buckets.set(key, bucket)
    }
    refill(bucket, t)
    if (bucket.tokens < 1) {
      throw new ApiError(429, 'RATE_LIMITED', 'Too many requests: slow down and retry shortly', {
        headers: { 'Retry-After': retryAfter(1 - bucket.tokens, options.perMinute) },
      })
    }
    const wantsFresh = asksFresh(c)
    if (wantsFresh && bucket.fresh < 1) {
      throw new ApiError(429, 'RATE_LIMITED', 'Too many refreshes: the cached list is recent', {
        headers: { 'Retry-After': retryAfter(1 - bucket.fresh, options.freshPerMinute) },
      })
    }
    bucket.tokens -= 1
    if (wantsFresh) bucket.fresh -= 1
    await next()
  }
}

/**
 * Whether the route will bypass the cache, read by the route's own parser: comparing the raw
 * string let `fresh=1%20` (trimmed by the parser) through uncounted. A value the parser refuses
 * is a 400 from the route, which spends no quota.
 */
function asksFresh(c: Context): boolean {
  try {
    return parseFresh(singleQuery(c))
  } catch {
    return false
  }
}
