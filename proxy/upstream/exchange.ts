import { STATUS_CODES } from 'node:http'
import { scrubSecrets } from '../log'
import type { Answer, Post } from './transport'
import { UpstreamError, markNetworkFailure, type AllowedAction } from './upstream-error'

const REQUEST_ID_HEADER = 'X-UCLOUD-REQUEST-UUID'

/** One HTTP exchange's inputs: where, what, and what must never be echoed back. */
export interface Exchange {
  post: Post
  baseUrl: string
  userAgent: string
  /** A larger body is refused (503) before it is held in memory (issue 12: 200 MB → 896 MB RSS). */
  maxBodyBytes: number
  /** The keys and this request's Signature: scrubbed from the API's Message, encoded forms too. */
  secrets: readonly string[]
}

export interface ExchangeResult {
  body: Record<string, unknown>
  requestId: string | undefined
  httpStatus: number
}

/** A real timer that rejects with `signal.reason` on abort. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Settles like `promise`, or rejects with `signal.reason` as soon as the signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

class BodyTooLarge extends Error {}

/** The body as text, read chunk by chunk and abandoned as soon as it passes `limit` bytes. */
async function readCapped(answer: Answer, limit: number): Promise<string> {
  const declared = Number(answer.header('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    answer.discard()
    throw new BodyTooLarge()
  }
  const chunks: Uint8Array[] = []
  let received = 0
  for await (const chunk of answer.body) {
    received += chunk.byteLength
    if (received > limit) {
      answer.discard()
      throw new BodyTooLarge()
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, received).toString('utf8')
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** RetCode as a number; a numeric string is tolerated (design.md §2: data drifts). */
function readRetCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value)
  return undefined
}

/** `502 Bad Gateway`: the status with its reason phrase, when it has one. */
function httpStatusText(status: number): string {
  const phrase = STATUS_CODES[status]
  return phrase ? `${status} ${phrase}` : String(status)
}

/** fetch's TypeError says only "fetch failed"; the useful part (ECONNRESET…) sits in `cause`. */
function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const cause = err.cause
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code
    return `${err.message} (${typeof code === 'string' ? code : cause.message})`
  }
  return err.message
}

/** One HTTP exchange. Throws UpstreamError, or the raw abort reason when `signal` aborted. */
export async function exchangeOnce(
  ex: Exchange,
  action: AllowedAction,
  form: URLSearchParams,
  signal: AbortSignal,
): Promise<ExchangeResult> {
  const invalid = (detail: string, requestId: string | undefined, cause?: unknown) =>
    new UpstreamError({
      kind: 'unavailable',
      action,
      message: `The CompShare API returned an invalid response: ${detail}`,
      httpStatus: 200,
      requestId,
      cause,
    })
  let response: Answer
  let text: string
  try {
    response = await raceAbort(
      ex.post(ex.baseUrl, {
        // design.md §2; the official Python/Go SDKs POST a form. No redirect is followed: one
        // must not carry the signed form to another place, so it reads as a bad answer.
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': ex.userAgent,
        },
        body: form.toString(),
        signal,
      }),
      signal,
    )
    const requestId = response.header(REQUEST_ID_HEADER)
    if (response.status !== 200) {
      response.discard()
      throw new UpstreamError({
        kind: 'unavailable',
        action,
        // Says whose status this is: the proxy answers the browser 503 for it (design.md §4).
        message: `The CompShare API answered HTTP ${httpStatusText(response.status)}`,
        httpStatus: response.status,
        requestId,
      })
    }
    // The body is read under the same deadline: a server that stalls mid-body times out too.
    text = await raceAbort(readCapped(response, ex.maxBodyBytes), signal)
  } catch (err) {
    if (err instanceof UpstreamError || signal.aborted) throw err
    if (err instanceof BodyTooLarge) {
      throw invalid(
        `body larger than ${ex.maxBodyBytes} bytes`,
        response!.header(REQUEST_ID_HEADER),
      )
    }
    throw markNetworkFailure(
      new UpstreamError({
        kind: 'unavailable',
        action,
        message: `The CompShare API request failed: ${describeNetworkError(err)}`,
        cause: err,
      }),
    )
  }

  const requestId = response.header(REQUEST_ID_HEADER)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw invalid('body is not valid JSON', requestId, err)
  }
  if (!isPlainObject(parsed)) throw invalid('body is not a JSON object', requestId)
  const retCode = readRetCode(parsed.RetCode)
  if (retCode === undefined) throw invalid('RetCode is missing or not a number', requestId)
  if (retCode !== 0) {
    // The Message reaches logs and the browser: never let an echo carry our keys or signature.
    const message =
      typeof parsed.Message === 'string' && parsed.Message
        ? scrubSecrets(parsed.Message, ex.secrets)
        : ''
    throw new UpstreamError({
      kind: 'retcode',
      action,
      message: message || `RetCode ${retCode}`,
      retCode,
      requestId,
      httpStatus: 200,
    })
  }
  return { body: parsed, requestId, httpStatus: 200 }
}
