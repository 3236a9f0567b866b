import { isApiError, type ApiError } from '@/api/client'

/**
 * What the error view says, derived from the error alone (issue 10 item 7). The rule:
 * - the headline says what happened in the user's words, per code (and per RetCode for the API's
 *   own errors), from the locale files: it never quotes a status, so it cannot contradict one;
 * - the message beneath is the sender's own text, verbatim, labelled with who wrote it;
 * - the details list each status under the name of whoever answered with it: the ImageDeck server
 *   (the proxy's HTTP status) and the CompShare API (its HTTP status, its RetCode).
 */
export interface ErrorCopy {
  /** Keys (namespace `errors` unless prefixed), most specific first: i18next takes the first found. */
  headline: string[]
  /** Who wrote `message`: `errors:from.<source>` labels it. */
  source: 'compshare' | 'server' | 'dashboard'
  message: string
  /** Keys of the hint (what to do), most specific first; may all be missing. */
  hint: string[]
  /** Rows of the details list, in order. `value` is shown as is; `valueKey` is translated. */
  details: ErrorDetail[]
}

export type ErrorDetail =
  | { labelKey: string; value: string; mono?: boolean; copy?: boolean }
  | { labelKey: string; valueKey: string; values?: Record<string, unknown> }

/** Proxy codes that went to the CompShare API and so have an upstream side to tell. */
const UPSTREAM_CODES = new Set<string>([
  'UPSTREAM_ERROR',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
])

export function errorCopy(error: unknown): ErrorCopy {
  if (!isApiError(error)) {
    return {
      headline: ['common:error.unexpected'],
      source: 'dashboard',
      message: error instanceof Error ? error.message : String(error),
      hint: [],
      details: [],
    }
  }
  const variants = headlineVariants(error)
  return {
    headline: [...variants.map((v) => `headline.${v}`), 'common:error.title'],
    source: sourceOf(error),
    message: error.message,
    hint: [
      ...(error.retCode !== undefined ? [`hintRetCode.${error.retCode}`] : []),
      ...variants.map((v) => `hint.${v}`),
      `common:error.hint.${error.code}`,
    ],
    details: detailsOf(error),
  }
}

function headlineVariants(error: ApiError): string[] {
  if (error.code === 'UPSTREAM_ERROR' && error.retCode !== undefined) {
    return [`retCode${error.retCode}`, error.code]
  }
  if (error.code === 'UPSTREAM_UNAVAILABLE') {
    // Never answered, answered with an HTTP error, or answered 200 with an unusable body.
    if (error.upstreamStatus === undefined) return ['UPSTREAM_UNREACHABLE', error.code]
    if (error.upstreamStatus === 200) return ['UPSTREAM_INVALID', error.code]
  }
  return [error.code]
}

function sourceOf(error: ApiError): ErrorCopy['source'] {
  if (error.code === 'UPSTREAM_ERROR') return 'compshare'
  // NETWORK and BAD_RESPONSE are written by the dashboard itself, about the server's answer.
  if (error.code === 'NETWORK' || error.code === 'BAD_RESPONSE') return 'dashboard'
  return 'server'
}

function detailsOf(error: ApiError): ErrorDetail[] {
  const rows: ErrorDetail[] = [{ labelKey: 'common:error.code', value: error.code, mono: true }]
  rows.push(
    error.status > 0
      ? { labelKey: 'serverAnswered', valueKey: 'httpStatus', values: { status: error.status } }
      : { labelKey: 'serverAnswered', valueKey: 'notReached' },
  )
  if (UPSTREAM_CODES.has(error.code)) {
    rows.push(
      error.upstreamStatus !== undefined
        ? {
            labelKey: 'apiAnswered',
            valueKey: 'httpStatus',
            values: { status: error.upstreamStatus },
          }
        : {
            labelKey: 'apiAnswered',
            valueKey: error.code === 'UPSTREAM_TIMEOUT' ? 'noAnswerInTime' : 'notReached',
          },
    )
  }
  if (error.retCode !== undefined) {
    rows.push({ labelKey: 'common:error.retCode', value: String(error.retCode), mono: true })
  }
  if (error.requestId) {
    rows.push({
      labelKey: 'common:error.requestId',
      value: error.requestId,
      mono: true,
      copy: true,
    })
  }
  return rows
}

/**
 * The list failed because the project id is not one of the account's: RetCode 292 (design.md §2;
 * the sandbox answers it too), or a parameter error naming ProjectId (the UCloud-style 230).
 */
export function isUnknownProjectError(error: unknown): boolean {
  if (!isApiError(error) || error.code !== 'UPSTREAM_ERROR') return false
  return error.retCode === 292 || (error.retCode === 230 && /ProjectId/i.test(error.message))
}
