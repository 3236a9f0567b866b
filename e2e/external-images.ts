import type { BrowserContext, Page } from '@playwright/test'

/** What covers and readme images on other hosts are replaced with: no internet in tests. */
export const PLACEHOLDER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">' +
  '<rect width="320" height="180" fill="#cbd5e1"/><path d="M40 140l70-70 50 50 30-30 90 50z" fill="#94a3b8"/></svg>'

/**
 * Every request to a host other than this machine gets the placeholder, so the page renders as it
 * would online and no failed load is logged. Used by the page fixture, fresh contexts in journeys
 * and scripts/screenshots.ts.
 */
export async function serveExternalImagesLocally(target: Page | BrowserContext): Promise<void> {
  await target.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_SVG }),
  )
}
