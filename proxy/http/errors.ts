import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorBody, ErrorCode } from '../contract/api'

/** An error a handler throws to answer with design.md §4's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      retCode?: number
      requestId?: string
      upstreamStatus?: number
      headers?: Record<string, string>
    } = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.extra.retCode !== undefined ? { retCode: this.extra.retCode } : {}),
        ...(this.extra.requestId ? { requestId: this.extra.requestId } : {}),
        ...(this.extra.upstreamStatus !== undefined
          ? { upstreamStatus: this.extra.upstreamStatus }
          : {}),
      },
    }
  }
}

export const badRequest = (message: string) => new ApiError(400, 'BAD_REQUEST', message)
export const notFound = (message: string) => new ApiError(404, 'NOT_FOUND', message)
