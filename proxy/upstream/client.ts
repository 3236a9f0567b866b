import type { Logger } from '../log'
import { abortableSleep, exchangeOnce, type Exchange } from './exchange'
import { createTokenBucket } from './rate-limit'
import { fetchPost, nodePost } from './transport'
import { signParams, type ParamValue } from './sign'
import { ALLOWED_ACTIONS, UpstreamError, isRetryable, type AllowedAction } from './upstream-error'

export {
  ALLOWED_ACTIONS,
  UpstreamError,
  type AllowedAction,
  type UpstreamErrorKind,
} from './upstream-error'

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
  /** Largest upstream body read (bytes); 32 MB by default. */
  maxBodyBytes?: number
}

export interface UpstreamDeps {
  log: Logger
  /** Routes calls through a `fetch` function (tests); Node's http client otherwise (transport.ts). */
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

const BACKOFF_BASE_MS = 200
const BACKOFF_CAP_MS = 2000
/** Far above a page of 100 images with readmes; a body past it is refused, not buffered. */
const MAX_BODY_BYTES = 32 * 1024 * 1024

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

  const post = deps.fetch ? fetchPost(deps.fetch) : nodePost
  const sleep = deps.sleep ?? abortableSleep
  const random = deps.random ?? Math.random
  const now = deps.now ?? Date.now
  const log = deps.log
  const bucket = createTokenBucket(maxRequestsPerSecond, burst, now)
  const keys = { publicKey: options.publicKey, privateKey: options.privateKey }
  const exchange = (signatureValue: string): Exchange => ({
    post,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    secrets: [keys.privateKey, keys.publicKey, signatureValue],
  })

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
    const signed = signParams({ ...params, Action: action }, keys)
    const form = new URLSearchParams(signed)
    const ex = exchange(signed.Signature ?? '')

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
          const { body, requestId, httpStatus } = await exchangeOnce(ex, action, form, signal)
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
