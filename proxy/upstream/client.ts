import { scrubSecrets, type Logger } from '../log'
import { createTokenBucket } from './rate-limit'
import { signParams, type ParamValue } from './sign'

/** design.md §1: the only upstream actions ever called, all read-only. */
export const ALLOWED_ACTIONS = [
  'DescribeCompShareCustomImages',
  'GetCompShareImageCreateProgress',
  'DescribeCompShareSupportZone',
] as const
export type AllowedAction = (typeof ALLOWED_ACTIONS)[number]

/** `retcode`: the API answered RetCode != 0; `unavailable`: network or bad response; `timeout`. */
export type UpstreamErrorKind = 'retcode' | 'unavailable' | 'timeout'

/** A failed upstream call; the routes map `kind` to 502 / 503 / 504 (design.md §4). */
export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind
  readonly action: AllowedAction
  readonly retCode?: number
  readonly requestId?: string
  readonly httpStatus?: number

  constructor(init: {
    kind: UpstreamErrorKind
    action: AllowedAction
    message: string
    retCode?: number
    requestId?: string
    httpStatus?: number
    cause?: unknown
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'UpstreamError'
    this.kind = init.kind
    this.action = init.action
    if (init.retCode !== undefined) this.retCode = init.retCode
    if (init.requestId !== undefined) this.requestId = init.requestId
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus
  }
}

export interface UpstreamOptions {
  baseUrl: string
  publicKey: string
  privateKey: string
  /** Bounds the whole call: rate-limit wait, every attempt, backoff sleeps, body reading. */
  timeoutMs: number
  /** Retries after the first attempt, so at most maxRetries + 1 requests per call. */
  maxRetries: number
  /** Token bucket refill rate, shared by every call made through this client. */
  maxRequestsPerSecond: number
  /** Token bucket capacity. */
  burst: number
  userAgent: string
}

export interface UpstreamDeps {
  log: Logger
  fetch?: typeof fetch
  /** Must reject with `signal.reason` when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  now?: () => number
}

export interface UpstreamResult {
  body: Record<string, unknown>
  requestId: string | undefined
}

export interface UpstreamClient {
  /**
   * Signs and sends one action. Throws `UpstreamError` on failure, `TypeError` for an action not
   * in ALLOWED_ACTIONS, and rethrows `signal.reason` (not an UpstreamError) when the caller aborts,
   * so a handler whose client went away can tell that apart from an upstream fault.
   */
  call(
    action: AllowedAction,
    params: Record<string, ParamValue>,
    opts?: { signal?: AbortSignal },
  ): Promise<UpstreamResult>
}

// design.md §2: retry only these; never 16x/17x/29x.
const RETRY_HTTP = new Set([429, 502, 503, 504])
const RETRY_RETCODES = new Set([150, 153])
const BACKOFF_BASE_MS = 200
const BACKOFF_CAP_MS = 2000
const REQUEST_ID_HEADER = 'X-UCLOUD-REQUEST-UUID'

/** Network failures are retryable but share kind 'unavailable' with bad bodies, which are not. */
const networkFailures = new WeakSet<UpstreamError>()

function isRetryable(err: UpstreamError): boolean {
  if (err.kind === 'retcode') return err.retCode !== undefined && RETRY_RETCODES.has(err.retCode)
  if (err.kind !== 'unavailable') return false
  if (err.httpStatus !== undefined) return RETRY_HTTP.has(err.httpStatus)
  return networkFailures.has(err)
}

/** A real timer that rejects with `signal.reason` on abort. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Settles like `promise`, or rejects with `signal.reason` as soon as the signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** RetCode as a number; a numeric string is tolerated (design.md §2: data drifts). */
function readRetCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value)
  return undefined
}

/** Builds the client; options are validated once here, not on every call. */
export function createUpstreamClient(options: UpstreamOptions, deps: UpstreamDeps): UpstreamClient {
  const { timeoutMs, maxRetries, maxRequestsPerSecond, burst } = options
  if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be > 0, got ${timeoutMs}`)
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError(`maxRetries must be an integer >= 0, got ${maxRetries}`)
  }
  if (!(maxRequestsPerSecond > 0)) {
    throw new RangeError(`maxRequestsPerSecond must be > 0, got ${maxRequestsPerSecond}`)
  }
  if (!(burst >= 1)) throw new RangeError(`burst must be >= 1, got ${burst}`)

  const doFetch = deps.fetch ?? globalThis.fetch
  const sleep = deps.sleep ?? abortableSleep
  const random = deps.random ?? Math.random
  const now = deps.now ?? Date.now
  const log = deps.log
  const bucket = createTokenBucket(maxRequestsPerSecond, burst, now)
  const keys = { publicKey: options.publicKey, privateKey: options.privateKey }

  /** One HTTP exchange. Throws UpstreamError, or the raw abort reason when `signal` aborted. */
  async function attemptOnce(
    action: AllowedAction,
    form: URLSearchParams,
    signal: AbortSignal,
  ): Promise<UpstreamResult & { httpStatus: number }> {
    const invalid = (detail: string, requestId: string | undefined, cause?: unknown) =>
      new UpstreamError({
        kind: 'unavailable',
        action,
        message: `Upstream returned an invalid response: ${detail}`,
        httpStatus: 200,
        requestId,
        cause,
      })
    let response: Response
    let text: string
    try {
      response = await raceAbort(
        doFetch(options.baseUrl, {
          // design.md §2; the official Python/Go SDKs POST a form. Only these two headers go out.
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'User-Agent': options.userAgent,
          },
          body: form,
          // A redirect must not carry the signed form to another place; treat it as a bad answer.
          redirect: 'manual',
          signal,
        }),
        signal,
      )
      const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined
      if (response.status !== 200) {
        void response.body?.cancel().catch(() => {})
        throw new UpstreamError({
          kind: 'unavailable',
          action,
          message: `Upstream answered HTTP ${response.status}`,
          httpStatus: response.status,
          requestId,
        })
      }
      // The body is read under the same deadline: a server that stalls mid-body times out too.
      text = await raceAbort(response.text(), signal)
    } catch (err) {
      if (err instanceof UpstreamError || signal.aborted) throw err
      const failure = new UpstreamError({
        kind: 'unavailable',
        action,
        message: `Upstream request failed: ${describeNetworkError(err)}`,
        cause: err,
      })
      networkFailures.add(failure)
      throw failure
    }

    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (err) {
      throw invalid('body is not valid JSON', requestId, err)
    }
    if (!isPlainObject(parsed)) throw invalid('body is not a JSON object', requestId)
    const retCode = readRetCode(parsed.RetCode)
    if (retCode === undefined) throw invalid('RetCode is missing or not a number', requestId)
    if (retCode !== 0) {
      // The Message reaches logs and the browser: never let an echo carry our own keys there.
      const message =
        typeof parsed.Message === 'string' && parsed.Message
          ? scrubSecrets(parsed.Message, [keys.privateKey, keys.publicKey])
          : ''
      throw new UpstreamError({
        kind: 'retcode',
        action,
        message: message || `RetCode ${retCode}`,
        retCode,
        requestId,
        httpStatus: 200,
      })
    }
    return { body: parsed, requestId, httpStatus: 200 }
  }

  async function call(
    action: AllowedAction,
    params: Record<string, ParamValue>,
    opts: { signal?: AbortSignal } = {},
  ): Promise<UpstreamResult> {
    // The proxy is not a signing oracle (design.md §1): refuse anything else, even from our code.
    if (!(ALLOWED_ACTIONS as readonly string[]).includes(action)) {
      throw new TypeError(`Upstream action not allowed: ${String(action)}`)
    }
    const callerSignal = opts.signal
    if (callerSignal?.aborted) throw callerSignal.reason

    // Signing last, over the final parameter set (style.md §12). Action goes after the spread
    // so a stray `Action` in params can never get round the allow-list above.
    const form = new URLSearchParams(signParams({ ...params, Action: action }, keys))

    const start = now()
    const deadline = start + timeoutMs
    const deadlineCtl = new AbortController()
    const timer = setTimeout(
      () => deadlineCtl.abort(new DOMException('upstream deadline', 'TimeoutError')),
      timeoutMs,
    )
    const signal = callerSignal
      ? AbortSignal.any([callerSignal, deadlineCtl.signal])
      : deadlineCtl.signal
    const timeoutError = () =>
      new UpstreamError({
        kind: 'timeout',
        action,
        message: `Upstream did not answer within ${timeoutMs} ms`,
      })

    let lastError: UpstreamError | undefined
    try {
      for (let attempt = 1; ; attempt++) {
        const wait = bucket.reserve()
        if (wait > 0) {
          // Waiting past the deadline is pointless: give up now with what we know.
          if (now() + wait >= deadline) {
            bucket.refund()
            throw lastError ?? timeoutError()
          }
          try {
            await sleep(wait, signal)
          } catch (err) {
            bucket.refund()
            throw err
          }
        }

        const t0 = now()
        let failure: UpstreamError
        try {
          const { body, requestId, httpStatus } = await attemptOnce(action, form, signal)
          log.debug({ action, attempt, ms: now() - t0, httpStatus, requestId }, 'upstream attempt')
          return { body, requestId }
        } catch (err) {
          if (callerSignal?.aborted) {
            log.debug({ action, attempt, ms: now() - t0, aborted: true }, 'upstream attempt')
            throw callerSignal.reason
          }
          if (err instanceof UpstreamError) failure = err
          else if (deadlineCtl.signal.aborted) failure = timeoutError()
          else throw err
        }

        const fields = {
          action,
          attempt,
          ms: now() - t0,
          kind: failure.kind,
          httpStatus: failure.httpStatus,
          retCode: failure.retCode,
          requestId: failure.requestId,
        }
        log.debug(fields, 'upstream attempt')
        log.warn({ ...fields, error: failure.message }, 'upstream failure')
        lastError = failure

        if (failure.kind === 'timeout' || !isRetryable(failure) || attempt > maxRetries) {
          throw failure
        }
        // Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter").
        const delay = random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1))
        if (now() + delay >= deadline) throw failure
        await sleep(delay, signal)
      }
    } catch (err) {
      if (callerSignal?.aborted) throw callerSignal.reason
      if (err instanceof UpstreamError) throw err
      if (deadlineCtl.signal.aborted) throw timeoutError()
      throw err
    } finally {
      clearTimeout(timer)
    }
  }

  return { call }
}

/** fetch's TypeError says only "fetch failed"; the useful part (ECONNRESET…) sits in `cause`. */
function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const cause = err.cause
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code
    return `${err.message} (${typeof code === 'string' ? code : cause.message})`
  }
  return err.message
}
