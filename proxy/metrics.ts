import type { Context, MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { ListCache } from './images/list-cache'
import { UpstreamError, type UpstreamClient } from './upstream/client'

/**
 * design.md §4 `/metrics`: upstream calls by action and outcome, their latency, list cache
 * hits / misses / stale serves, HTTP requests by route and status, and the standard process
 * metrics. One registry per app, so tests and a second app never share counters.
 */
export interface Metrics {
  registry: Registry
  upstreamRequests: Counter<'action' | 'outcome'>
  upstreamSeconds: Histogram<'action'>
  listCache: Counter<'result'>
  httpRequests: Counter<'route' | 'status'>
}

export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  return {
    registry,
    upstreamRequests: new Counter({
      name: 'imagedeck_upstream_requests_total',
      help: 'Upstream API calls (retries included) by action and outcome: ok, the RetCode, timeout or network',
      labelNames: ['action', 'outcome'],
      registers,
    }),
    upstreamSeconds: new Histogram({
      name: 'imagedeck_upstream_request_duration_seconds',
      help: 'Upstream API call latency, retries and rate-limit waits included',
      labelNames: ['action'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    listCache: new Counter({
      name: 'imagedeck_list_cache_total',
      help: 'Image list reads by result: hit (from memory), miss (fetched), stale (last good list after a failed refresh)',
      labelNames: ['result'],
      registers,
    }),
    httpRequests: new Counter({
      name: 'imagedeck_http_requests_total',
      help: 'HTTP requests answered, by matched route and status',
      labelNames: ['route', 'status'],
      registers,
    }),
  }
}

/** `outcome` label of a failed call: the RetCode, `timeout`, or `network` (no usable answer). */
function outcomeOf(error: unknown): string | undefined {
  if (!(error instanceof UpstreamError)) return undefined
  if (error.kind === 'retcode') return String(error.retCode ?? 'unknown')
  return error.kind === 'timeout' ? 'timeout' : 'network'
}

/** The upstream client, counted and timed per call. A call its caller abandoned is not counted. */
export function meteredUpstream(upstream: UpstreamClient, metrics: Metrics): UpstreamClient {
  return {
    async call(action, params, opts) {
      const stop = metrics.upstreamSeconds.startTimer({ action })
      try {
        const result = await upstream.call(action, params, opts)
        metrics.upstreamRequests.inc({ action, outcome: 'ok' })
        stop()
        return result
      } catch (error) {
        const outcome = outcomeOf(error)
        if (outcome) {
          metrics.upstreamRequests.inc({ action, outcome })
          stop()
        }
        throw error
      }
    },
  }
}

/**
 * The list cache, counted per read: a snapshot fetched after the read began is a miss (this read
 * waited for it, alone or sharing another's load), a stale one a stale serve, anything else a hit.
 */
export function meteredCache(cache: ListCache, metrics: Metrics, now: () => number): ListCache {
  return {
    ...cache,
    async get(scope, options) {
      const started = now()
      const result = await cache.get(scope, options)
      const kind = result.stale ? 'stale' : result.snapshot.fetchedAt >= started ? 'miss' : 'hit'
      metrics.listCache.inc({ result: kind })
      return result
    },
  }
}

/** Counts every answer by the route that produced it (a pattern, so ids add no label values). */
export function countRequests(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    try {
      await next()
    } finally {
      metrics.httpRequests.inc({ route: routeLabel(c), status: String(c.res.status) })
    }
  }
}

function routeLabel(c: Context): string {
  const path = routePath(c)
  // A middleware answered (401, 403, 429…): name the area, not the middleware's wildcard.
  if (path === '*' || path === '/*' || path === '') {
    return c.req.path.startsWith('/api/') ? '/api/*' : c.req.path === '/metrics' ? '/metrics' : '/*'
  }
  return path
}

/** The exposition for `/metrics` (Prometheus text format 0.0.4). */
export async function exposition(metrics: Metrics): Promise<Response> {
  return new Response(await metrics.registry.metrics(), {
    headers: { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' },
  })
}
