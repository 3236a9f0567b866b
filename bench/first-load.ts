import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { LAUNCH } from './browser'
import { ROOT } from './lib/children'
import { BROWSER_ENCODINGS, getOk } from './lib/http'
import { verdict, type GoalRow } from './lib/result'
import { kb } from './lib/stats'

// Set in the page by ROWS_PROBE; typed loosely here rather than pulling in the DOM library.
declare const window: Record<string, unknown>

/** The budget for the first load as served: 150 KB on the wire (1 KB = 1000 bytes). */
export const FIRST_LOAD_BUDGET = 150_000

// What scripts/start.mjs watches to decide that dist/ is stale.
const SOURCES = ['web/src', 'public', 'index.html', 'vite.config.ts', 'proxy/contract']

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  )
}

/** Builds dist/ with Vite when it is missing or older than its sources (as `npm start` does). */
export function ensureBuilt(): string {
  const index = join(ROOT, 'dist', 'index.html')
  const sourceTime = Math.max(...SOURCES.map((p) => newest(join(ROOT, p))))
  if (existsSync(index) && statSync(index).mtimeMs >= sourceTime) return 'dist/ was up to date'
  const started = Date.now()
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
  )
  if (build.status !== 0) {
    const why = `${build.stderr ?? ''}${build.stdout ?? ''}`
      .trim()
      .split('\n')
      .slice(-6)
      .join(' | ')
    throw new Error(`vite build failed (exit ${build.status}): ${why}`)
  }
  return `built dist/ with Vite in ${((Date.now() - started) / 1000).toFixed(1)} s`
}

export interface Fetched {
  path: string
  /** Why the page loads it: the document, its entry script, a module preload, an import()… */
  kind: string
  encoding: string
  wire: number
  body: number
  decoded: number
  /** Asked for only after the first rows were on screen (an idle prefetch): not counted. */
  afterRows?: boolean
  /** The browser's language: the page loads that language's strings only. */
  locale: string
}

/** How `index.html` itself asks for a file (tag and rel), keyed by path. */
function declaredIn(html: string): Map<string, string> {
  const declared = new Map<string, string>()
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const url = /\b(?:src|href)="(\/[^/"][^"]*)"/.exec(tag)?.[1]
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1]
    if (url) declared.set(url, tag.startsWith('<script') ? 'entry script' : (rel ?? 'link'))
  }
  return declared
}

const sum = (files: Fetched[], key: 'wire' | 'body' | 'decoded') =>
  files.reduce((total, f) => total + f[key], 0)
const counted = (files: Fetched[]) => files.filter((f) => !f.afterRows)

/**
 * Runs in the page before its scripts: when the first image row (a table row or, on a phone, a
 * card) enters the DOM. A string, not a function: tsx would add helpers the page lacks.
 */
const ROWS_PROBE = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-row-id]')) return
  window.__rowsAt = performance.now()
  observer.disconnect()
}).observe(document, { childList: true, subtree: true })`

/**
 * The first load as a browser makes it: headless Chromium (a fresh profile, 1440×900), once with
 * each language's `locale`, opens `/`, and every same-origin request outside `/api/` it starts before the first image row
 * is in the DOM is part of it, whatever asked for it: the HTML, its script, module preloads and
 * stylesheet, an `import()` that runs at start (a locale, a lazy part the URL needs), an icon, a
 * font. Requests started in the second after (idle prefetches) are listed as `afterRows`, not
 * counted; one the page's resource timing does not show (an icon) counts. Each file is then
 * fetched again over a connection of its own with the `Accept-Encoding: br, gzip` and `Sec-Fetch-Dest` the browser sent,
 * counting every byte read from the socket (status line, headers, body as sent). The API calls
 * are not part of it. The heavier language's load is returned.
 */
export async function measureFirstLoad(
  baseUrl: string,
  locales = ['en-US', 'zh-CN'],
): Promise<Fetched[]> {
  // Each language's strings are a chunk of their own: the heavier first load is the one reported.
  let heaviest: Fetched[] = []
  for (const locale of locales) {
    const files = await measureLocale(baseUrl, locale)
    if (sum(counted(files), 'wire') > sum(counted(heaviest), 'wire')) heaviest = files
  }
  return heaviest
}

async function measureLocale(baseUrl: string, locale: string): Promise<Fetched[]> {
  // Path → what the browser fetched it as: Playwright's resource type and its Sec-Fetch-Dest.
  const requested = new Map<string, { type: string; dest: string | undefined }>()
  let probe: { rowsAt: number; starts: [string, number][] }
  let browser: Browser | undefined
  try {
    browser = await chromium.launch(LAUNCH)
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale })
    await context.addInitScript({ content: ROWS_PROBE })
    const page = await context.newPage()
    const headersRead: Promise<void>[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.origin !== baseUrl || url.pathname.startsWith('/api/')) return
      const path = url.pathname + url.search
      if (requested.has(path)) return
      const entry = { type: request.resourceType(), dest: undefined as string | undefined }
      requested.set(path, entry)
      headersRead.push(
        request.allHeaders().then((headers) => void (entry.dest = headers['sec-fetch-dest'])),
      )
    })
    await page.goto(`${baseUrl}/`)
    await page.waitForFunction(() => typeof window.__rowsAt === 'number', null, { timeout: 30_000 })
    await page.waitForTimeout(1000)
    await Promise.all(headersRead)
    probe = await page.evaluate(() => ({
      rowsAt: window.__rowsAt as number,
      starts: performance.getEntriesByType('resource').map((e): [string, number] => {
        const url = new URL(e.name)
        return [url.pathname + url.search, e.startTime]
      }),
    }))
  } finally {
    await browser?.close()
  }
  const started = new Map(probe.starts)

  const files: Fetched[] = []
  let declared = new Map<string, string>()
  for (const [path, { type, dest }] of requested) {
    // The headers the answer depends on, as the browser sent them: the codings it accepts, and
    // its fetch destination (a script or stylesheet goes without the document-only headers).
    const headers = { ...BROWSER_ENCODINGS, ...(dest ? { 'Sec-Fetch-Dest': dest } : {}) }
    const res = await getOk(baseUrl + path, false, 30_000, headers)
    if (path === '/') declared = declaredIn(res.body)
    const kind =
      path === '/' ? 'document' : (declared.get(path) ?? (type === 'script' ? 'import()' : type))
    const afterRows = (started.get(path) ?? 0) > probe.rowsAt
    files.push({
      path,
      kind: afterRows ? `${kind}, after the rows` : kind,
      encoding: String(res.headers['content-encoding'] ?? 'identity'),
      wire: res.wireBytes,
      body: res.bodyBytes,
      decoded: Buffer.byteLength(res.body),
      ...(afterRows ? { afterRows } : {}),
      locale,
    })
  }
  return files
}

export function firstLoadRow(files: Fetched[]): GoalRow {
  const first = counted(files)
  const wire = sum(first, 'wire')
  return {
    area: 'first load',
    metric: `what Chromium (${first[0]?.locale}, the heavier of en-US and zh-CN) fetches from \`/\` until the first rows show, as served with Accept-Encoding: br, gzip (${first.length} responses, ${kb(sum(first, 'decoded'))} decoded)`,
    measured: `${kb(wire)} on the wire`,
    goal: `≤ ${kb(FIRST_LOAD_BUDGET)}`,
    status: verdict(wire <= FIRST_LOAD_BUDGET),
  }
}

export function firstLoadDetails(files: Fetched[]): string[] {
  const row = (f: Fetched) =>
    `| \`${f.path}\` | ${f.kind} | ${f.encoding} | ${kb(f.wire)} | ${kb(f.body)} | ${kb(f.decoded)} |`
  const first = counted(files)
  const later = files.filter((f) => f.afterRows)
  const head = [
    '| path | why | coding | on the wire | body as sent | decoded |',
    '|---|---|---|---:|---:|---:|',
  ]
  const prefetched = [
    '',
    'Asked for in the second after the first rows (idle prefetches, not counted):',
    '',
  ]
  return [
    ...head,
    ...first.map(row),
    `| **total** | | | **${kb(sum(first, 'wire'))}** | ${kb(sum(first, 'body'))} | ${kb(sum(first, 'decoded'))} |`,
    ...(later.length === 0 ? [] : [...prefetched, ...head, ...later.map(row)]),
  ]
}
