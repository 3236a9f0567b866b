/** A request handler as `serve({ fetch })` takes it. */
type Fetch = (request: Request, env: unknown) => Response | Promise<Response>

/**
 * Shutdown for requests still in flight (issue 12: a stuck upstream left them an empty reply when
 * the grace period ended). `wrap` tracks each request; `expire` answers every one still pending
 * with 503 at once, so the process can exit after those answers are written.
 */
export function createDrain() {
  let expire!: () => void
  const expired = new Promise<void>((resolve) => (expire = resolve))
  let pending = 0
  const unavailable = () =>
    new Response(
      JSON.stringify({
        error: {
          code: 'UPSTREAM_UNAVAILABLE',
          message: 'ImageDeck is restarting and could not finish this request: retry shortly',
        },
      }),
      {
        status: 503,
        headers: {
          'Content-Type': 'application/json; charset=UTF-8',
          'Cache-Control': 'no-store',
          'Retry-After': '5',
          'X-Content-Type-Options': 'nosniff',
          Connection: 'close',
        },
      },
    )
  return {
    wrap(fetch: Fetch): Fetch {
      return async (request, env) => {
        pending++
        try {
          return await Promise.race([fetch(request, env), expired.then(unavailable)])
        } finally {
          pending--
        }
      }
    },
    expire: () => expire(),
    /** Requests not yet answered. */
    get pending() {
      return pending
    },
  }
}
