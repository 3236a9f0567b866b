import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'

/**
 * Refuses API requests a browser marks as made by a page on another site (Fetch Metadata
 * Request Headers, W3C): an `<img src=…/api/images?fresh=1>` elsewhere must not spend the
 * account's quota or read through a signed-in browser. Clients that send no `Sec-Fetch-Site`
 * (curl, Prometheus, old browsers) are not browsers acting for another site and pass.
 */
export const refuseCrossSite = (): MiddlewareHandler => async (c, next) => {
  if (c.req.header('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') {
    throw new ApiError(
      403,
      'FORBIDDEN_HOST',
      'Cross-site requests to the API are refused (Sec-Fetch-Site: cross-site)',
    )
  }
  await next()
}
