// zod/mini keeps the schema runtime out of the first load (the classic API is not tree-shakeable);
// callers may still pass classic schemas: both are $ZodType.
import { z } from 'zod/mini'
import type { $ZodType } from 'zod/v4/core'
import type { ErrorCode } from '@contract/api'

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    retCode: z.optional(z.number()),
    requestId: z.optional(z.string()),
  }),
})

/** What every failed `/api` call throws: the proxy's error body, or a local stand-in for it. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode | 'NETWORK' | 'BAD_RESPONSE'
  readonly retCode?: number
  readonly requestId?: string

  constructor(init: {
    status: number
    code: ApiError['code']
    message: string
    retCode?: number
    requestId?: string
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.retCode = init.retCode
    this.requestId = init.requestId
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/**
 * Whether the browser should ask again. The proxy already retried what can pass (network errors,
 * HTTP 429/502/503/504, RetCode 150/153) within its own deadline, so a 5xx from it is its final
 * word; asking again would only multiply upstream calls and delay the error view. Only a failure
 * to reach the proxy at all, or its own rate limit, is worth another try (style.md §9: never 4xx).
 */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true
  return error.code === 'NETWORK' || error.status === 429
}

type Query = Record<string, string | number | boolean | undefined | null>

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/** The one way the SPA talks to the proxy: parses success with `schema`, throws ApiError otherwise. */
export async function apiFetch<T>(
  path: string,
  { schema, signal, query }: { schema: $ZodType<T>; signal?: AbortSignal; query?: Query },
): Promise<T> {
  let response: Response
  try {
    response = await fetch(withQuery(path, query), {
      signal,
      headers: { Accept: 'application/json' },
    })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(cause) })
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const parsed = z.safeParse(errorBodySchema, body)
    if (parsed.success) {
      throw new ApiError({ status: response.status, ...parsed.data.error } as ConstructorParameters<
        typeof ApiError
      >[0])
    }
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: `HTTP ${response.status} ${response.statusText}`,
    })
  }
  const parsed = z.safeParse(schema, body)
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: `Unexpected response from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    })
  }
  return parsed.data
}
