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

// design.md §2: retry only these; never 16x/17x/29x.
const RETRY_HTTP = new Set([429, 502, 503, 504])
const RETRY_RETCODES = new Set([150, 153])

/** Network failures are retryable but share kind 'unavailable' with bad bodies, which are not. */
const networkFailures = new WeakSet<UpstreamError>()

/** Marks `error` as a network failure (connection refused, reset…): worth retrying. */
export function markNetworkFailure(error: UpstreamError): UpstreamError {
  networkFailures.add(error)
  return error
}

export function isRetryable(err: UpstreamError): boolean {
  if (err.kind === 'retcode') return err.retCode !== undefined && RETRY_RETCODES.has(err.retCode)
  if (err.kind !== 'unavailable') return false
  if (err.httpStatus !== undefined) return RETRY_HTTP.has(err.httpStatus)
  return networkFailures.has(err)
}
