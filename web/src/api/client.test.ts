import { describe, expect, it } from 'vitest'
import { ApiError, isRetryable } from './client'

const apiError = (status: number, code: ApiError['code'], retCode?: number) =>
  new ApiError({ status, code, message: 'x', retCode })

describe('isRetryable', () => {
  it('retries failures to reach the proxy and its own rate limit', () => {
    expect(isRetryable(new TypeError('fetch failed'))).toBe(true)
    expect(isRetryable(apiError(0, 'NETWORK'))).toBe(true)
    expect(isRetryable(apiError(429, 'RATE_LIMITED'))).toBe(true)
  })

  it('never retries a 4xx', () => {
    expect(isRetryable(apiError(400, 'BAD_REQUEST'))).toBe(false)
    expect(isRetryable(apiError(404, 'NOT_FOUND'))).toBe(false)
  })

  it("takes the proxy's upstream errors as final: it already retried within its deadline", () => {
    expect(isRetryable(apiError(503, 'UPSTREAM_UNAVAILABLE'))).toBe(false)
    expect(isRetryable(apiError(504, 'UPSTREAM_TIMEOUT'))).toBe(false)
    expect(isRetryable(apiError(502, 'UPSTREAM_ERROR', 150))).toBe(false)
    expect(isRetryable(apiError(502, 'UPSTREAM_ERROR', 171))).toBe(false)
    expect(isRetryable(apiError(502, 'UPSTREAM_ERROR', 292))).toBe(false)
  })
})
