import type { Context } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import type { FaultSettings } from './faults'
import type { ApiBody } from './retcodes'

export const REQUEST_ID_HEADER = 'X-UCLOUD-REQUEST-UUID'

/** Resolves after `ms`, or early when the caller goes away. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve()
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}

const gatewayPage = (status: number): string =>
  `<html>\r\n<head><title>${status} ${STATUS_TEXT[status] ?? 'Error'}</title></head>\r\n` +
  `<body>\r\n<center><h1>${status} ${STATUS_TEXT[status] ?? 'Error'}</h1></center>\r\n` +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

const STATUS_TEXT: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

/** Whether `transportFault` would answer in the API's place (the gateway, not the API, fails). */
export function isTransportFault(fault: FaultSettings): boolean {
  return (
    fault.mode === 'hang' ||
    fault.mode === 'reset' ||
    fault.mode === 'non-json' ||
    fault.httpStatus !== undefined
  )
}

/**
 * Faults that happen before the API answers at all: a hang, a reset socket, a gateway error page,
 * a non-JSON body. Returns null when the call should go on to the API.
 */
export async function transportFault(
  c: Context,
  fault: FaultSettings,
  closing: AbortSignal,
  requestId: string,
): Promise<Response | null> {
  const headers = { [REQUEST_ID_HEADER]: requestId, 'Content-Type': 'text/html' }
  if (fault.mode === 'hang') {
    // Never answer: wait until the client gives up or the sandbox closes.
    await waitForAbort(c.req.raw.signal, closing)
    return new Response(null, { status: 499 })
  }
  if (fault.mode === 'reset') {
    const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket
    if (!socket) return Response.error() // app.request(): no socket, so a network error stands in
    socket.destroy()
    return new Response(null, { status: 499 })
  }
  if (fault.httpStatus !== undefined) {
    return new Response(gatewayPage(fault.httpStatus), { status: fault.httpStatus, headers })
  }
  if (fault.mode === 'non-json') return new Response(gatewayPage(502), { status: 200, headers })
  return null
}

function waitForAbort(...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve()
    for (const s of signals) s.addEventListener('abort', () => resolve(), { once: true })
  })
}

/** The answer, with body-level faults applied: 'empty-set' and 'truncated'. */
export function apiResponse(
  body: ApiBody,
  fault: FaultSettings | null,
  requestId: string,
): Response {
  const headers = {
    [REQUEST_ID_HEADER]: requestId,
    'Content-Type': 'application/json; charset=utf-8',
  }
  let answer = body
  if (fault?.mode === 'empty-set' && Array.isArray(body.ImageSet))
    answer = { ...body, ImageSet: [] }
  let text = JSON.stringify(answer)
  if (fault?.mode === 'truncated') text = text.slice(0, Math.max(1, Math.floor(text.length / 2)))
  return new Response(text, { status: 200, headers })
}
