import type { MiddlewareHandler } from 'hono'
import { basicAuth } from 'hono/basic-auth'
import { secureHeaders } from 'hono/secure-headers'
import { ApiError } from './errors'

/**
 * design.md §4: a strict CSP (no inline script), nosniff, no referrer. Inline *styles* stay
 * allowed because React and Radix position popovers through the style attribute.
 */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'https:', 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    // HSTS belongs to the TLS terminator in front of us, not to a loopback HTTP server.
    strictTransportSecurity: false,
    // Headers no browser we support acts on (IE's XSS filter and download prompt, Flash's and
    // Acrobat's cross-domain policy files): ~100 bytes on every response, first load included.
    xXssProtection: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], clipboardWrite: ['self'] },
  })

/** The Host header's name part, lower-cased (`[::1]:8080` → `[::1]`, `a.b:80` → `a.b`). */
export function hostName(header: string | undefined): string {
  if (!header) return ''
  const value = header.trim().toLowerCase()
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1)
  return value.split(':')[0] ?? ''
}

/** DNS-rebinding defence: a page on another name that resolves to us cannot read our answers. */
export const allowedHosts =
  (hosts: readonly string[]): MiddlewareHandler =>
  async (c, next) => {
    const name = hostName(c.req.header('host'))
    const bare = name.replace(/^\[|\]$/g, '')
    if (!hosts.includes(name) && !hosts.includes(bare)) {
      throw new ApiError(
        403,
        'FORBIDDEN_HOST',
        'This host name is not allowed (IMAGEDECK_ALLOWED_HOSTS)',
      )
    }
    await next()
  }

/** HTTP Basic auth on everything, assets included; Hono compares credentials in constant time. */
export const requireAuth = (auth: { user: string; password: string }): MiddlewareHandler =>
  basicAuth({
    username: auth.user,
    password: auth.password,
    realm: 'ImageDeck',
    invalidUserMessage: { error: { code: 'UNAUTHORIZED', message: 'Sign in to use ImageDeck' } },
  })
