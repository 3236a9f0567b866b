import { chromium, type Browser, type Page } from '@playwright/test'
import { freePort, startNode, type Child } from './lib/children'
import { getOk, keepAliveAgent } from './lib/http'
import { verdict, type GoalRow } from './lib/result'
import { int, median, ms } from './lib/stats'

// The callbacks below run in the page, not in Node: the few browser globals they touch, typed
// loosely here rather than pulling the DOM library into the Node project.
declare const window: Record<string, unknown>
declare const document: {
  querySelector(s: string): { textContent: string | null } | null
  querySelectorAll(s: string): { length: number }
}
declare const location: { href: string }
interface ResourceEntry {
  name: string
  startTime: number
  responseEnd: number
}

export const ROWS_MARK = 'imagedeck:rows-rendered'
/** Set once every row of a new page is mounted (the table mounts a page in slices of 20). */
export const ROWS_COMPLETE_MARK = 'imagedeck:rows-complete'

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // Nothing but loopback: any other host name fails to resolve (no interception overhead).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
}

export interface BrowserOptions {
  count: number
  /** Navigations to ?size=100, each in a fresh browser context (empty HTTP cache). */
  loads: number
  /** Search words typed, one filter change each; each must match ≥ 100 images. */
  terms: string[]
}

export const BROWSER_FULL: BrowserOptions = {
  count: 10_000,
  loads: 5,
  terms: ['cuda', 'llm', 'webui', 'pytorch'],
}

interface LoadRun {
  rowsMs: number
  allRowsMs: number
  fcpMs: number
  domContentLoadedMs: number
}

interface FilterRun {
  term: string
  /** Last keystroke → the next rows-rendered mark (the first rows of the new page). */
  totalMs: number
  /** Last keystroke → the next rows-complete mark (all 100 rows mounted). */
  allRowsMs: number
  /** Last keystroke → the /api/images request with the new q leaves (debounce + routing). */
  debounceMs: number
  /** Request start → response end. */
  networkMs: number
  /** Response end → rows-rendered mark (parse, React render and commit of the first slice). */
  renderMs: number
  /** Long tasks (≥ 50 ms, the browser's own threshold) from the first keystroke to the rows. */
  longTasks: number[]
  /** The longest of them that began before the request left (typing, debounce, routing). */
  longestBeforeRequest: number
  /** The longest of them that began after the response arrived (parse, render, commit). */
  longestAfterResponse: number
  /** The longest gap between animation frames in that window: an upper bound on any task. */
  maxFrameGapMs: number
  total: number
}

export interface BrowserResult {
  count: number
  loads: LoadRun[]
  filters: FilterRun[]
  debounceSourceMs: number
}

/**
 * Runs in the page before any script: observers for long tasks, frames, input and requests. A
 * string, not a function: tsx's transform would add helpers to a function that the page lacks.
 */
const PROBES = `(() => {
  const w = window
  const longTasks = []
  w.__longTasks = longTasks
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    w.__noLongTask = true
  }
  const frames = []
  w.__frames = frames
  const tick = (t) => {
    if (frames.length < 20000) frames.push(t)
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  w.__lastInput = 0
  w.__firstInput = 0
  document.addEventListener('input', (e) => {
    if (!e.target || e.target.type !== 'search') return
    const now = performance.now()
    w.__lastInput = now
    if (!w.__firstInput) w.__firstInput = now
  }, true)
})()`

async function waitForRows(
  page: Page,
  after: number,
  timeoutMs = 15_000,
  name = ROWS_MARK,
): Promise<number> {
  const handle = await page.waitForFunction(
    ({ name, after }) => {
      const mark = performance.getEntriesByName(name).find((m) => m.startTime > after)
      return mark ? mark.startTime : false
    },
    { name, after },
    { timeout: timeoutMs, polling: 'raf' },
  )
  return (await handle.jsonValue()) as number
}

async function loadOnce(browser: Browser, url: string): Promise<LoadRun> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
  })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    const rowsMs = await waitForRows(page, -1).catch((error: unknown) => {
      throw new Error(
        `no performance.mark('${ROWS_MARK}') within 15 s of loading ${url}: the SPA does not set it ` +
          `yet, or shows no rows (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      )
    })
    const allRowsMs = await waitForRows(page, -1, 15_000, ROWS_COMPLETE_MARK)
    const rows = await page.locator('tbody tr').count()
    if (rows < 100) throw new Error(`expected 100 rows at ?size=100, found ${rows}`)
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation' as never)[0] as unknown as
        { domContentLoadedEventEnd: number } | undefined
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      return { dcl: nav?.domContentLoadedEventEnd ?? Number.NaN, fcp: fcp?.startTime ?? Number.NaN }
    })
    return { rowsMs, allRowsMs, fcpMs: timing.fcp, domContentLoadedMs: timing.dcl }
  } finally {
    await context.close()
  }
}

async function filterOnce(page: Page, term: string): Promise<FilterRun> {
  const box = page.locator('input[type="search"]').first()
  await box.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Backspace')
  // Clearing is a filter change too: let it settle before the measured one.
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('q'), null, {
    timeout: 10_000,
  })
  await page.waitForTimeout(600)
  const since = await page.evaluate(() => {
    const w = window
    w.__firstInput = 0
    ;(w.__longTasks as unknown[]).length = 0
    ;(w.__frames as unknown[]).length = 0
    return performance.now()
  })
  await page.keyboard.type(term, { delay: 60 })
  const lastInput = (await page.evaluate(() => window.__lastInput)) as number
  if (!(lastInput > since)) throw new Error('typing into the search box raised no input event')
  // The answer to this search, then the first rows rendered after it (a live refetch of the old
  // view may render rows in between; those are not this filter change).
  const responseEnd = (await (
    await page.waitForFunction(
      ({ term, after }) => {
        const entry = (
          performance.getEntriesByType('resource' as never) as unknown as ResourceEntry[]
        ).find(
          (e) =>
            e.name.includes('/api/images?') &&
            new URL(e.name).searchParams.get('q') === term &&
            e.startTime >= after &&
            e.responseEnd > 0,
        )
        return entry ? entry.responseEnd : false
      },
      { term, after: lastInput },
      { timeout: 15_000, polling: 50 },
    )
  ).jsonValue()) as number
  const firstAt = await waitForRows(page, responseEnd)
  const markAt = await waitForRows(page, firstAt - 1, 15_000, ROWS_COMPLETE_MARK)
  await page.waitForTimeout(300) // let a long task that started at the mark finish and be reported
  const probe = await page.evaluate(
    ({ lastInput, markAt, term }) => {
      const w = window
      const first = w.__firstInput as number
      const requests = (
        performance.getEntriesByType('resource' as never) as unknown as ResourceEntry[]
      ).filter(
        (e) =>
          e.name.includes('/api/images?') &&
          new URL(e.name).searchParams.get('q') === term &&
          e.startTime >= lastInput,
      )
      const req = requests[0]
      const tasks = (w.__longTasks as { start: number; duration: number }[]).filter(
        (t) => t.start + t.duration >= first && t.start <= markAt + 100,
      )
      const frames = (w.__frames as number[]).filter((t) => t >= first && t <= markAt + 100)
      let gap = 0
      for (let k = 1; k < frames.length; k++) gap = Math.max(gap, frames[k]! - frames[k - 1]!)
      const status = document.querySelector('[role="status"], [aria-live]')?.textContent ?? ''
      return {
        reqStart: req?.startTime ?? Number.NaN,
        reqEnd: req?.responseEnd ?? Number.NaN,
        tasks: tasks.map((t) => ({ start: t.start, duration: t.duration })),
        gap,
        rows: document.querySelectorAll('tbody tr').length,
        status,
      }
    },
    { lastInput, markAt, term },
  )
  if (probe.rows < 100)
    throw new Error(`search "${term}" shows ${probe.rows} rows; pick a word with ≥ 100 matches`)
  return {
    term,
    totalMs: firstAt - lastInput,
    allRowsMs: markAt - lastInput,
    debounceMs: probe.reqStart - lastInput,
    networkMs: probe.reqEnd - probe.reqStart,
    renderMs: firstAt - probe.reqEnd,
    longTasks: probe.tasks.map((t) => t.duration),
    longestBeforeRequest: Math.max(
      0,
      ...probe.tasks.filter((t) => t.start < probe.reqStart).map((t) => t.duration),
    ),
    longestAfterResponse: Math.max(
      0,
      ...probe.tasks.filter((t) => t.start >= probe.reqEnd).map((t) => t.duration),
    ),
    maxFrameGapMs: probe.gap,
    total: probe.rows,
  }
}

/**
 * The built app (proxy/main.ts in sandbox mode, serving dist/) as a child process with a warm list
 * cache, driven by Chromium. Throws with a clear message when the SPA cannot be measured yet.
 */
export async function measureBrowser(options: BrowserOptions): Promise<BrowserResult> {
  const port = await freePort()
  let app: Child | undefined
  let browser: Browser | undefined
  try {
    app = await startNode(
      'frontend-app',
      'proxy/main.ts',
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        SANDBOX_COUNT: String(options.count),
        SANDBOX_SEED: '42',
        IMAGEDECK_CACHE_TTL_S: '3600',
        IMAGEDECK_RATE_LIMIT: '100000',
        IMAGEDECK_LOG_LEVEL: 'warn',
      },
      (p) => `http://127.0.0.1:${p}/api/health`,
      port,
    )
    const agent = keepAliveAgent()
    await getOk(`${app.url}/api/images?limit=100`, agent, 60_000) // warm the list cache
    agent.destroy()

    browser = await chromium.launch(LAUNCH)
    const url = `${app.url}/?size=100`
    await loadOnce(browser, url) // Chromium's own first-run costs, not counted
    const loads: LoadRun[] = []
    for (let k = 0; k < options.loads; k++) loads.push(await loadOnce(browser, url))

    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
    })
    await context.addInitScript({ content: PROBES })
    const page = await context.newPage()
    await page.goto(url)
    await waitForRows(page, -1)
    const noLongTask = await page.evaluate(() => Boolean(window.__noLongTask))
    if (noLongTask) throw new Error("this Chromium has no 'longtask' PerformanceObserver")
    const filters: FilterRun[] = []
    for (const term of options.terms) filters.push(await filterOnce(page, term))
    await context.close()
    return { count: options.count, loads, filters, debounceSourceMs: 300 }
  } finally {
    await browser?.close()
    await app?.stop()
  }
}

export function browserRows(r: BrowserResult): GoalRow[] {
  const area = '4 front end'
  const longest = Math.max(0, ...r.filters.flatMap((f) => f.longTasks))
  const gap = Math.max(...r.filters.map((f) => f.maxFrameGapMs))
  const afterDebounce = median(r.filters.map((f) => f.totalMs - f.debounceMs))
  return [
    {
      area,
      metric: `navigation → first rows; all 100 rows (median of ${r.loads.length}, warm proxy cache)`,
      measured: `${ms(median(r.loads.map((l) => l.rowsMs)), 0)}; ${ms(median(r.loads.map((l) => l.allRowsMs)), 0)}`,
      goal: 'report',
      status: 'INFO',
    },
    {
      area,
      metric: `filter keystroke → first updated rows; all 100, after the debounce (total incl. debounce: ${ms(median(r.filters.map((f) => f.totalMs)), 0)})`,
      measured: `${ms(afterDebounce, 0)}; ${ms(median(r.filters.map((f) => f.allRowsMs - f.debounceMs)), 0)}`,
      goal: 'report',
      status: 'INFO',
    },
    {
      area,
      metric: `longest task during a filter change (${r.filters.length} changes; longest frame gap ${ms(gap, 0)})`,
      measured: longest === 0 ? 'none ≥ 50 ms' : ms(longest, 0),
      goal: 'no long task > 50 ms',
      status: verdict(longest <= 50),
    },
  ]
}

export function browserDetails(r: BrowserResult): string[] {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a')
  return [
    `The built SPA served by \`proxy/main.ts\` (sandbox mode, ${int(r.count)} images, list cache warmed ` +
      `before the browser starts, IMAGEDECK_CACHE_TTL_S=3600 so it stays warm) in headless Chromium ` +
      `(\`/usr/bin/chromium\`), viewport 1440×900. Times are from \`performance.mark('${ROWS_MARK}')\`, ` +
      `which the table sets when the first rows of a new page render, and \`performance.mark('${ROWS_COMPLETE_MARK}')\`, ` +
      `set once all of them are mounted: the table mounts a new page 20 rows per frame ` +
      `(\`web/src/components/data-table/data-table-progressive.ts\`), so no single task renders, lays out ` +
      `and paints all 100.`,
    '',
    '| load (fresh context) | first contentful paint | DOMContentLoaded | first rows | all 100 rows |',
    '|---:|---:|---:|---:|---:|',
    ...r.loads.map(
      (l, k) =>
        `| ${k + 1} | ${f(l.fcpMs)} ms | ${f(l.domContentLoadedMs)} ms | ${f(l.rowsMs)} ms | ${f(l.allRowsMs)} ms |`,
    ),
    '',
    `Filter changes: the search box is typed into (60 ms between keys) on \`/?size=100\`; times run from ` +
      `the last keystroke. The box applies its text ${r.debounceSourceMs} ms after typing stops ` +
      `(\`images-search-box.tsx\`), so "debounce" is that wait plus routing up to the moment the ` +
      `\`/api/images?q=…\` request leaves. Long tasks come from a \`PerformanceObserver\` ` +
      `(\`longtask\`, which only reports tasks ≥ 50 ms) installed before the page's scripts; the ` +
      `longest gap between animation frames bounds any shorter task.`,
    '',
    '| word | rows shown | keystroke → first rows | → all rows | debounce | request | response → first rows | long tasks ≥ 50 ms | longest before the request / after the response | longest frame gap |',
    '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...r.filters.map(
      (x) =>
        `| \`${x.term}\` | ${x.total} | ${f(x.totalMs)} ms | ${f(x.allRowsMs)} ms | ${f(x.debounceMs)} ms | ${f(x.networkMs)} ms | ` +
        `${f(x.renderMs)} ms | ${x.longTasks.length === 0 ? 'none' : x.longTasks.map((d) => `${d.toFixed(0)} ms`).join(', ')} | ${f(x.longestBeforeRequest)} / ${f(x.longestAfterResponse)} ms | ${f(x.maxFrameGapMs)} ms |`,
    ),
  ]
}
