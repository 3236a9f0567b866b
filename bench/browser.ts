import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { ROOT } from './lib/children'
import { verdict, type GoalRow } from './lib/result'
import { int, median, ms } from './lib/stats'

// The callbacks below run in the page, not in Node: the browser globals they touch, typed loosely
// here rather than pulling the DOM library into the Node project.
declare const window: Record<string, unknown>

export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    ...['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
    ...['--disable-component-update', '--disable-sync', '--no-first-run'],
    // Nothing but loopback: any other host name fails to resolve.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
}

/** Search words typed, one filter change each; each matches ≥ 100 of the sandbox's 10,000 images. */
export const TERMS = ['cuda', 'llm', 'webui', 'pytorch', 'comfyui']

/** The search box's debounce, read from its source so the bench follows a change to it. */
export function debounceMs(): number {
  const file = join(ROOT, 'web/src/features/images/search/images-search-box.tsx')
  const found = /useDebouncedValue\(\s*\w+\s*,\s*(\d+)\s*\)/.exec(readFileSync(file, 'utf8'))
  if (!found) throw new Error(`no useDebouncedValue(text, ms) in ${file}: where is the debounce?`)
  return Number(found[1])
}

/**
 * Runs in the page before its scripts: long tasks from a PerformanceObserver; the table's rows
 * from a MutationObserver, which notes after every DOM change how many rows the table has and
 * the text of its first and last (the row shows the image id). A string, not a function: tsx
 * would add helpers to a function that the page lacks.
 */
const PROBES = `(() => {
  const w = window
  w.__longTasks = []
  w.__snaps = []
  w.__recording = false
  // The list asks for each row's family size: the default 250 entries fill up within a few changes.
  performance.setResourceTimingBufferSize(100000)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  document.addEventListener('input', () => {
    w.__lastInput = performance.now()
    if (!w.__firstInput) w.__firstInput = w.__lastInput
  }, true)
  new MutationObserver(() => {
    if (!w.__recording) return
    const rows = document.querySelectorAll('tbody tr')
    const n = rows.length
    w.__snaps.push({ t: performance.now(), n, first: n ? rows[0].textContent : '', last: n ? rows[n - 1].textContent : '' })
  }).observe(document, { childList: true, subtree: true, characterData: true })
})()`

interface Snap {
  t: number
  n: number
  first: string
  last: string
}

export interface FilterRun {
  term: string
  rows: number
  /** Last keystroke → every row of the new page in the DOM. */
  totalMs: number
  /** The same less the debounce: what the app takes once the search applies. */
  afterDebounceMs: number
  /** Last keystroke → the `/api/images?q=…` request leaves; its duration. */
  requestAtMs: number
  requestMs: number
  /** Long tasks (≥ 50 ms) from the first keystroke to the rows, in ms. */
  longTasks: number[]
}

async function rowsShown(page: Page, ids: string[], timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ({ first, last, n }) =>
      (window.__snaps as Snap[]).some(
        (s) => s.n === n && s.first.includes(first) && s.last.includes(last),
      ),
    { first: ids[0]!, last: ids[ids.length - 1]!, n: ids.length },
    { timeout, polling: 50 },
  )
}

async function filterOnce(page: Page, term: string, debounce: number): Promise<FilterRun> {
  const box = page.getByRole('searchbox').first()
  await box.fill('')
  await page.waitForFunction(() => !new URL(String(window.location)).searchParams.get('q'))
  await page.waitForTimeout(debounce + 700) // the cleared search applies and its rows settle
  await page.evaluate(() => {
    performance.clearResourceTimings()
    Object.assign(window, { __snaps: [], __longTasks: [], __firstInput: 0, __recording: true })
  })
  const answer = page.waitForResponse(
    (r) => r.url().includes('/api/images?') && new URL(r.url()).searchParams.get('q') === term,
  )
  await box.pressSequentially(term, { delay: 60 })
  const response = await answer
  const ids = ((await response.json()) as { items: { CompShareImageId: string }[] }).items.map(
    (i) => i.CompShareImageId,
  )
  if (ids.length < 100) throw new Error(`"${term}" gave ${ids.length} rows; it needs ≥ 100`)
  await rowsShown(page, ids)
  await page.waitForTimeout(300) // a long task that ended with the rows is reported a moment later
  const probe = await page.evaluate(
    ({ first, last, n, term }) => {
      const w = window
      w.__recording = false
      const done = (w.__snaps as Snap[]).find(
        (s) => s.n === n && s.first.includes(first) && s.last.includes(last),
      )!
      const from = w.__firstInput as number
      const request = performance
        .getEntriesByType('resource')
        .find(
          (e) => e.name.includes('/api/images?') && new URL(e.name).searchParams.get('q') === term,
        )
      const tasks = (w.__longTasks as { start: number; duration: number }[]).filter(
        (t) => t.start + t.duration >= from && t.start <= done.t,
      )
      return {
        lastInput: w.__lastInput as number,
        doneAt: done.t,
        requestStart: request?.startTime ?? Number.NaN,
        requestEnd: (request as { responseEnd?: number } | undefined)?.responseEnd ?? Number.NaN,
        tasks: tasks.map((t) => t.duration),
      }
    },
    { first: ids[0]!, last: ids[ids.length - 1]!, n: ids.length, term },
  )
  const totalMs = probe.doneAt - probe.lastInput
  return {
    term,
    rows: ids.length,
    totalMs,
    afterDebounceMs: totalMs - debounce,
    requestAtMs: probe.requestStart - probe.lastInput,
    requestMs: probe.requestEnd - probe.requestStart,
    longTasks: probe.tasks,
  }
}

/** Headless Chromium on `${baseUrl}/?size=100`: one filter change per word, timed from the DOM. */
export async function measureFilters(baseUrl: string, terms = TERMS): Promise<FilterRun[]> {
  const debounce = debounceMs()
  let browser: Browser | undefined
  try {
    browser = await chromium.launch(LAUNCH)
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
    })
    await context.addInitScript({ content: PROBES })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?size=100`)
    await page.locator('tbody tr').nth(99).waitFor({ timeout: 30_000 })
    const runs: FilterRun[] = []
    for (const term of terms) runs.push(await filterOnce(page, term, debounce))
    return runs
  } finally {
    await browser?.close()
  }
}

export function filterRows(runs: FilterRun[], count: number): GoalRow[] {
  const area = `${int(count)} filter`
  const after = median(runs.map((r) => r.afterDebounceMs))
  const longest = Math.max(0, ...runs.flatMap((r) => r.longTasks))
  return [
    {
      area,
      metric: `keystroke → all 100 rows in the DOM, after the debounce (median of ${runs.length} words; worst ${ms(Math.max(...runs.map((r) => r.afterDebounceMs)), 0)})`,
      measured: ms(after, 0),
      goal: '≤ 200 ms',
      status: verdict(after <= 200),
    },
    {
      area,
      metric: `longest task from the first keystroke to the rows (${runs.length} filter changes)`,
      measured: longest === 0 ? 'none ≥ 50 ms' : ms(longest, 0),
      goal: 'none > 100 ms',
      status: verdict(longest <= 100),
    },
  ]
}

export function filterDetails(runs: FilterRun[], debounce: number): string[] {
  const f = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a')
  return [
    `Each word is typed into the search box (60 ms between keys) on \`/?size=100\`, after the cleared ` +
      `search has settled. Times run from the last keystroke's \`input\` event; the box applies its text ` +
      `${debounce} ms after typing stops (\`images-search-box.tsx\`), so "after the debounce" is the ` +
      `total less ${debounce} ms. "All rows" is the first DOM change after which the table has 100 rows, ` +
      `the first showing the answer's first image id and the last its last (a MutationObserver ` +
      `installed before the page's scripts); long tasks come from a \`longtask\` PerformanceObserver, ` +
      `which reports every task of 50 ms or more.`,
    '',
    '| word | rows | keystroke → all rows | after the debounce | request leaves | request | long tasks ≥ 50 ms |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...runs.map(
      (r) =>
        `| \`${r.term}\` | ${r.rows} | ${f(r.totalMs)} | ${f(r.afterDebounceMs)} | ${f(r.requestAtMs)} | ` +
        `${f(r.requestMs)} | ${r.longTasks.length === 0 ? 'none' : r.longTasks.map(f).join(', ')} |`,
    ),
  ]
}
