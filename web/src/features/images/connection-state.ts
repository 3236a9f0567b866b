import type { ImageListResponse, StaleReason } from '@contract/api'
import { ApiError } from '@/api/client'

/**
 * The header's status dot (issue 10 item 7): `ok` while the list on screen is the latest answer,
 * `stale` (amber) while it is kept after a failed refresh, `failed` (red) when the last request
 * failed with nothing to show. `reason` is the error behind it, when known.
 */
export type Connection =
  | { state: 'loading' }
  | { state: 'ok' }
  | { state: 'stale'; reason?: unknown }
  | { state: 'failed'; reason: unknown }

export function connectionOf({
  data,
  dataUpdatedAt,
  listError,
  refreshFailure,
}: {
  data: Pick<ImageListResponse, 'stale' | 'staleReason'> | undefined
  /** When the query last got data (React Query's `dataUpdatedAt`). */
  dataUpdatedAt: number
  /** The list query's error, while it is in error. */
  listError: unknown
  /** The explicit Refresh's error, and when it was asked for. */
  refreshFailure?: { error: unknown; at: number }
}): Connection {
  if (!data) return listError ? { state: 'failed', reason: listError } : { state: 'loading' }
  if (listError) return { state: 'stale', reason: listError }
  if (refreshFailure && refreshFailure.at >= dataUpdatedAt) {
    return { state: 'stale', reason: refreshFailure.error }
  }
  if (data.stale) {
    return { state: 'stale', reason: data.staleReason && staleReasonError(data.staleReason) }
  }
  return { state: 'ok' }
}

/** A stale answer's reason as the error the failed refresh would have thrown (status unknown). */
export function staleReasonError(reason: StaleReason): ApiError {
  return new ApiError({
    status: 0,
    code: reason.code,
    message: reason.message,
    retCode: reason.retCode,
    upstreamStatus: reason.upstreamStatus,
  })
}
