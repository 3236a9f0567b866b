/**
 * `npx tsx bench/trace.ts [filter|idle] [word]`: where the main thread's time goes, from a Chromium
 * trace of the built SPA (sandbox mode, 10,000 images, `/?size=100`, 1440×900). Not part of
 * `npm run bench`: it explains the front-end figures there (docs/benchmarks.md) and backs the
 * numbers in the comments of data-table.tsx and images-cells.tsx.
 *
 * - filter: types a word into the search box and traces until 1.5 s after the last key.
 * - idle: traces 2 s of the loaded page with no input.
 *
 * Prints each renderer task of 30 ms or more and the window's totals per trace event (style
 * recalculation is `UpdateLayoutTree`, layerisation `Layerize`). Times are wall time and include
 * the tracer's own overhead: compare runs made one after another, not with other machines.
 */
import { chromium } from '@playwright/test'
import { ensureBuilt } from './first-load'
import { freePort, startNode } from './lib/children'
import { getOk, keepAliveAgent } from './lib/http'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string }
}

const PARTS = [
  'FunctionCall',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
]

const mode = process.argv[2] === 'idle' ? 'idle' : 'filter'
const word = process.argv[3] ?? 'cuda'

ensureBuilt() // throws when the build fails
const port = await freePort()
const app = await startNode(
  'trace-app',
  'proxy/main.ts',
  {
    PORT: String(port),
    HOST: '127.0.0.1',
    SANDBOX_COUNT: '10000',
    SANDBOX_SEED: '42',
    IMAGEDECK_CACHE_TTL_S: '3600',
    IMAGEDECK_LOG_LEVEL: 'warn',
  },
  (p) => `http://127.0.0.1:${p}/api/health`,
  port,
)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
})
try {
  const agent = keepAliveAgent()
  await getOk(`${app.url}/api/images?limit=100`, agent, 60_000) // warm the list cache
  agent.destroy()
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(`${app.url}/?size=100`)
  await page.waitForSelector('tbody tr:nth-child(100)')
  await page.waitForTimeout(1000)
  if (mode === 'filter') await page.locator('input[type="search"]').first().click()
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  })
  if (mode === 'filter') await page.keyboard.type(word, { delay: 60 })
  await page.waitForTimeout(mode === 'filter' ? 1500 : 2000)
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[]
  }
  const main = traceEvents.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )
  if (!main) throw new Error('no renderer main thread in the trace')
  const events = traceEvents.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
  )
  const msOf = (e: TraceEvent) => (e.dur ?? 0) / 1000
  const tasks = events.filter(
    (e) => e.name === 'RunTask' && msOf(e) >= Number(process.env.MIN_TASK ?? 30),
  )
  const first = tasks[0]?.ts ?? 0
  for (const task of tasks) {
    const inside = events.filter(
      (e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur!,
    )
    const parts = PARTS.map((p) => {
      const sum = inside.filter((e) => e.name === p).reduce((s, e) => s + msOf(e), 0)
      return sum >= 0.5 ? `${p} ${sum.toFixed(1)}` : ''
    }).filter(Boolean)
    process.stdout.write(
      `task ${msOf(task).toFixed(1)} ms at +${((task.ts - first) / 1000).toFixed(0)} ms: ${parts.join(', ')}\n`,
    )
  }
  const totals = PARTS.map(
    (p) =>
      `${p} ${events
        .filter((e) => e.name === p)
        .reduce((s, e) => s + msOf(e), 0)
        .toFixed(0)} ms`,
  )
  process.stdout.write(`${mode} window totals: ${totals.join(', ')}\n`)
} finally {
  await browser.close()
  await app.stop()
}
