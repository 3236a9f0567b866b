import { Hono, type Context } from 'hono'
import type { Config } from './config'
import type { Scope } from './contract/api'
import { throttledAuth } from './http/auth-throttle'
import { clientOf, resolveClient } from './http/client-address'
import { compressResponses } from './http/compress'
import { ApiError } from './http/errors'
import { refuseCrossSite } from './http/fetch-site'
import { rateLimit } from './http/rate-limit'
import { allowedHosts, securityHeaders } from './http/security'
import { staticApp } from './http/static'
import { upstreamApiError } from './http/upstream-api-error'
import { fetchAllImages } from './images/fetch-all'
import { createListCache, type ListCache } from './images/list-cache'
import { scrubSecrets, type Logger } from './log'
import {
  countRequests,
  createMetrics,
  exposition,
  meteredCache,
  meteredUpstream,
  type Metrics,
} from './metrics'
import { failureRoutes } from './routes/failures'
import { healthRoutes } from './routes/health'
import { imageRoutes } from './routes/images'
import { zoneRoutes } from './routes/zones'
import {
  describeImage,
  describeImagesPage,
  describeSupportZones,
  getImageCreateProgress,
} from './upstream/actions'
import { UpstreamError, type UpstreamClient } from './upstream/client'

export interface AppDeps {
  config: Config
  upstream: UpstreamClient
  log: Logger
  version: string
  now?: () => number
  /** The built SPA; absent in tests that only exercise /api. */
  staticRoot?: string
  /**
   * Literal secrets never sent in an error message (an upstream echo, say). Read at each error,
   * so main.ts can add a key learnt later; the configured private key and auth password by default.
   */
  secrets?: readonly string[]
  /** design.md §4 `/metrics`; a registry of its own by default. */
  metrics?: Metrics
}

export interface ImageDeckApp {
  app: Hono
  cache: ListCache
}

const METHODS = new Set(['GET', 'HEAD'])

/** The API's X-UCLOUD-REQUEST-UUID of a failed call, for the request's log line (design.md §2). */
const upstreamRequestIds = new WeakMap<Request, string>()

/** The proxy as an app factory (style.md §11): tests call `app.request()` without a port. */
export function createApp(deps: AppDeps): ImageDeckApp {
  const { config, log } = deps
  const now = deps.now ?? Date.now
  const metrics = deps.metrics ?? createMetrics()
  const upstream = meteredUpstream(deps.upstream, metrics)
  const secrets = deps.secrets ?? [config.keys?.privateKey ?? '', config.auth?.password ?? '']

  const cache = createListCache({
    ttlMs: config.cacheTtlMs,
    now,
    load: async (scope: Scope, { signal, onPage }) => {
      const started = now()
      const { images, pages } = await fetchAllImages(
        (page, pageSignal) => describeImagesPage(upstream, scope, page, pageSignal),
        { concurrency: config.concurrency, signal, onPage },
      )
      log.info({ scope, images: images.length, pages, ms: now() - started }, 'list fetched')
      return images
    },
    onError: (scope, error) => log.warn({ scope, err: describe(error) }, 'list refresh failed'),
  })

  const app = new Hono()
  // design.md §3 IMAGEDECK_TRUST_PROXY: the client behind a reverse proxy, for limits and logs.
  app.use('*', resolveClient(config.trustProxy))
  app.use('*', countRequests(metrics))
  app.use('*', async (c, next) => {
    const started = now()
    await next()
    const requestId = upstreamRequestIds.get(c.req.raw)
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        client: clientOf(c),
        status: c.res.status,
        ms: now() - started,
        requestId,
      },
      'request',
    )
  })
  app.use('*', securityHeaders())
  app.use('*', allowedHosts(config.allowedHosts))
  app.use('/api/*', refuseCrossSite())
  app.use('/api/*', compressResponses())
  if (config.auth) app.use('*', throttledAuth(config.auth, { now }))
  app.on(['GET', 'HEAD'], '/metrics', () => exposition(metrics))

  app.use('/api/*', async (c, next) => {
    if (!METHODS.has(c.req.method)) {
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', 'The API is read-only: use GET', {
        headers: { Allow: 'GET, HEAD' },
      })
    }
    await next()
  })
  app.use(
    '/api/*',
    rateLimit({
      perMinute: config.rateLimitPerMinute,
      freshPerMinute: Math.max(1, Math.floor(config.rateLimitPerMinute / 60)),
      clientKey: clientOf,
      now,
    }),
  )

  app.route(
    '/api/health',
    healthRoutes({ mode: config.mode, version: deps.version, defaults: config.defaults }),
  )
  app.route(
    '/api/zones',
    zoneRoutes({
      loadZones: (region) => describeSupportZones(upstream, region),
      defaultRegion: config.defaults.region,
      ttlMs: config.cacheTtlMs,
      now,
    }),
  )
  app.route(
    '/api/images',
    imageRoutes({
      cache: meteredCache(cache, metrics, now),
      defaults: config.defaults,
      loadImage: (scope, id) => describeImage(upstream, scope, id),
      loadProgress: (scope, id) => getImageCreateProgress(upstream, scope, id),
      onProgressError: (error) => log.warn({ err: describe(error) }, 'progress unavailable'),
    }),
  )
  app.route('/api/failures', failureRoutes({ cache, defaults: config.defaults }))
  app.all('/api/*', () => {
    throw new ApiError(404, 'NOT_FOUND', 'No such API route')
  })
  if (deps.staticRoot) app.route('/', staticApp(deps.staticRoot))

  app.onError((error, c) => toResponse(error, c, log, secrets))
  app.notFound((c) => toResponse(new ApiError(404, 'NOT_FOUND', 'Not found'), c, log, secrets))
  return { app, cache }
}

function describe(error: unknown) {
  if (error instanceof UpstreamError) {
    return {
      kind: error.kind,
      action: error.action,
      retCode: error.retCode,
      requestId: error.requestId,
      message: error.message,
    }
  }
  return { message: error instanceof Error ? error.message : String(error) }
}

/** The one place errors become design.md §4's body. */
function toResponse(error: unknown, c: Context, log: Logger, secrets: readonly string[]): Response {
  let apiError: ApiError
  if (error instanceof ApiError) {
    apiError = error
  } else if (error instanceof UpstreamError) {
    apiError = upstreamApiError(error)
    if (error.requestId) upstreamRequestIds.set(c.req.raw, error.requestId)
  } else if (isHttpException(error)) {
    const res = error.getResponse()
    if (res.status === 401) return res
    apiError = new ApiError(
      res.status as 400,
      res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
      error.message || 'Bad request',
    )
  } else {
    log.error({ err: describe(error) }, 'unexpected error')
    apiError = new ApiError(500, 'INTERNAL', 'Internal error: see the server log')
  }
  for (const [name, value] of Object.entries(apiError.extra.headers ?? {})) c.header(name, value)
  c.header('Cache-Control', 'no-store')
  const body = apiError.toBody()
  body.error.message = scrubSecrets(body.error.message, secrets)
  return c.json(body, apiError.status)
}

function isHttpException(error: unknown): error is Error & { getResponse(): Response } {
  return (
    error instanceof Error && typeof (error as { getResponse?: unknown }).getResponse === 'function'
  )
}
