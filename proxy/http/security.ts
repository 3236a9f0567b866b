import type { MiddlewareHandler } from 'hono'
import { basicAuth } from 'hono/basic-auth'
import { secureHeaders } from 'hono/secure-headers'
import { ApiError } from './errors'

/** What every response carries: nosniff, same-origin reads only, no referrer (a stylesheet's too). */
const EVERY_RESPONSE = {
  xContentTypeOptions: 'nosniff',
  crossOriginResourcePolicy: 'same-origin',
  referrerPolicy: 'no-referrer',
  crossOriginEmbedderPolicy: false,
  // HSTS belongs to the TLS terminator in front of us, not to a loopback HTTP server.
  strictTransportSecurity: false,
  // Headers no browser we support acts on (IE's XSS filter and download prompt, Flash's and
  // Acrobat's cross-domain policy files).
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} as const

/**
 * A page or a worker (its CSP comes with its script), design.md §4: a strict CSP (no inline
 * script: `default-src 'self'`, which scripts and connections fall back to; inline *styles* stay
 * allowed because React and Radix position popovers through the style attribute), no framing,
 * its own browsing context group, no camera, microphone or location.
 */
const page = secureHeaders({
  ...EVERY_RESPONSE,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'https:', 'data:'],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  crossOriginOpenerPolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], clipboardWrite: ['self'] },
})

/**
 * A script, stylesheet, image or fetch() answer: a CSP does nothing on it, so it gets the
 * strictest one, short (should the file ever be opened as a page, nothing in it runs or loads),
 * and none of the page-only headers: ~340 bytes less on each of the first load's scripts,
 * stylesheet and icon (issue 9's 150 KB guard, bench/first-load.ts).
 */
const subresource = secureHeaders({
  ...EVERY_RESPONSE,
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xFrameOptions: false,
})

/**
 * Fetch destinations (the browser's `Sec-Fetch-Dest`) that never become a page or a worker. A
 * request that does not say (curl, an older browser) is answered as a page.
 */
const SUBRESOURCES = new Set(['script', 'style', 'image', 'font', 'manifest', 'empty'])

export const securityHeaders = (): MiddlewareHandler => (c, next) =>
  (SUBRESOURCES.has(c.req.header('sec-fetch-dest') ?? '') ? subresource : page)(c, next)

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
