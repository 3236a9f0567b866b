import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { connectionOf, staleReasonError } from './connection-state'

const fresh = { stale: false }
const offline = new ApiError({ status: 0, code: 'NETWORK', message: 'Failed to fetch' })

describe('connectionOf', () => {
  it('is loading before anything arrived, failed (red) when the first request failed', () => {
    expect(connectionOf({ data: undefined, dataUpdatedAt: 0, listError: null })).toEqual({
      state: 'loading',
    })
    expect(connectionOf({ data: undefined, dataUpdatedAt: 0, listError: offline })).toEqual({
      state: 'failed',
      reason: offline,
    })
  })

  it('is ok with the latest answer', () => {
    expect(connectionOf({ data: fresh, dataUpdatedAt: 1000, listError: null })).toEqual({
      state: 'ok',
    })
  })

  it('is stale (amber) with the proxy’s reason when it served its last good list', () => {
    const connection = connectionOf({
      data: {
        stale: true,
        staleReason: {
          code: 'UPSTREAM_UNAVAILABLE',
          message: 'The CompShare API answered HTTP 503 Service Unavailable',
          upstreamStatus: 503,
          failedAt: 900,
        },
      },
      dataUpdatedAt: 1000,
      listError: null,
    })
    expect(connection.state).toBe('stale')
    const reason = (connection as { reason: ApiError }).reason
    expect([reason.code, reason.message, reason.upstreamStatus]).toEqual([
      'UPSTREAM_UNAVAILABLE',
      'The CompShare API answered HTTP 503 Service Unavailable',
      503,
    ])
    // An older proxy says only `stale: true`.
    expect(connectionOf({ data: { stale: true }, dataUpdatedAt: 1, listError: null })).toEqual({
      state: 'stale',
      reason: undefined,
    })
  })

  it('is stale when a refresh failed after the data on screen, ok again once newer data came', () => {
    const refreshFailure = { error: offline, at: 2000 }
    expect(
      connectionOf({ data: fresh, dataUpdatedAt: 1000, listError: null, refreshFailure }),
    ).toEqual({ state: 'stale', reason: offline })
    expect(
      connectionOf({ data: fresh, dataUpdatedAt: 3000, listError: null, refreshFailure }),
    ).toEqual({ state: 'ok' })
    // A background refetch that failed while rows are shown.
    expect(connectionOf({ data: fresh, dataUpdatedAt: 1000, listError: offline })).toEqual({
      state: 'stale',
      reason: offline,
    })
  })

  it('turns a stale reason into the error it stands for', () => {
    const error = staleReasonError({
      code: 'UPSTREAM_ERROR',
      message: 'Signature VerifyAC Error',
      retCode: 171,
      upstreamStatus: 200,
      failedAt: 1,
    })
    expect(error).toBeInstanceOf(ApiError)
    expect([error.code, error.retCode, error.message]).toEqual([
      'UPSTREAM_ERROR',
      171,
      'Signature VerifyAC Error',
    ])
  })
})
