import type { StaleReason } from '../contract/api'
import { UpstreamError } from '../upstream/upstream-error'
import { ApiError } from './errors'

/**
 * design.md §4: a RetCode is 502 UPSTREAM_ERROR, a timeout 504, a network failure or unusable
 * answer 503 UPSTREAM_UNAVAILABLE. The API's own HTTP status travels separately as
 * `upstreamStatus`, so "HTTP 502 from CompShare" is never mistaken for this response's 503.
 */
export function upstreamApiError(error: UpstreamError): ApiError {
  const extra = {
    retCode: error.retCode,
    requestId: error.requestId,
    upstreamStatus: error.httpStatus,
  }
  if (error.kind === 'retcode') return new ApiError(502, 'UPSTREAM_ERROR', error.message, extra)
  if (error.kind === 'timeout') {
    return new ApiError(504, 'UPSTREAM_TIMEOUT', 'The CompShare API did not answer in time', extra)
  }
  return new ApiError(503, 'UPSTREAM_UNAVAILABLE', error.message, extra)
}

/** Why a refresh failed, as the error body a request would have got then (no request id). */
export function staleReason(error: unknown, failedAt: number): StaleReason {
  const api =
    error instanceof ApiError
      ? error
      : error instanceof UpstreamError
        ? upstreamApiError(error)
        : new ApiError(500, 'INTERNAL', 'Internal error: see the server log')
  const { code, message, retCode, upstreamStatus } = api.toBody().error
  return {
    code,
    message,
    ...(retCode !== undefined ? { retCode } : {}),
    ...(upstreamStatus !== undefined ? { upstreamStatus } : {}),
    failedAt,
  }
}

/** `{staleReason}` for a stale answer's last failed refresh (design.md §4 addition), else `{}`. */
export function staleReasonOf(failure: { error: unknown; at: number } | undefined): {
  staleReason?: StaleReason
} {
  return failure ? { staleReason: staleReason(failure.error, failure.at) } : {}
}
