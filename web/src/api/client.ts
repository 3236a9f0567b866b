// valibot: every schema function is its own export, so the first load carries only those used.
import * as v from 'valibot'
import type { ErrorCode } from '@contract/api'

const errorBodySchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    retCode: v.optional(v.number()),
    requestId: v.optional(v.string()),
    upstreamStatus: v.optional(v.number()),
  }),
})

/** What every failed `/api` call throws: the proxy's error body, or a local stand-in for it. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode | 'NETWORK' | 'BAD_RESPONSE'
  readonly retCode?: number
  readonly requestId?: string
  /** The CompShare API's own HTTP status, apart from `status` (the proxy's answer). */
  readonly upstreamStatus?: number

  constructor(init: {
    status: number
    code: ApiError['code']
    message: string
    retCode?: number
    requestId?: string
    upstreamStatus?: number
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.retCode = init.retCode
    this.requestId = init.requestId
    this.upstreamStatus = init.upstreamStatus
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
  {
    schema,
    signal,
    query,
  }: { schema: v.GenericSchema<unknown, T>; signal?: AbortSignal; query?: Query },
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
    const parsed = v.safeParse(errorBodySchema, body)
    if (parsed.success) {
      throw new ApiError({
        status: response.status,
        ...parsed.output.error,
      } as ConstructorParameters<typeof ApiError>[0])
    }
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: `HTTP ${response.status} ${response.statusText}`,
    })
  }
  const parsed = v.safeParse(schema, body)
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: `Unexpected response from ${path}: ${issueText(parsed.issues[0])}`,
    })
  }
  return parsed.output
}

/** `items.3.total: Invalid type: Expected number but received "x"`: where, then what. */
function issueText(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue)
  return path ? `${path}: ${issue.message}` : issue.message
}
