/**
 * `npm run bench`: the guards of issue 9 at the realistic scale, measured in one run, printed as a
 * table and written to docs/benchmarks.md. Exits non-zero when any guard fails or cannot be measured.
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { debounceMs, filterDetails, filterRows, measureFilters, type FilterRun } from './browser'
import { COLD_LIST_FULL, coldListSection, measureColdList } from './cold-list'
import {
  ensureBuilt,
  firstLoadDetails,
  firstLoadRow,
  measureFirstLoad,
  type Fetched,
} from './first-load'
import {
  logDirectory,
  removeLogs,
  ROOT,
  startFlags,
  startSandboxApp,
  type Child,
} from './lib/children'
import { machineInfo, spinMs } from './lib/machine'
import { errorRow, type GoalRow, type Section } from './lib/result'
import { consoleTable, markdownReport } from './report'
import {
  loadRow,
  measureServer,
  memoryRow,
  SERVER_TABLE_HEAD,
  serverDetail,
  warmQueryRow,
  type ServerRun,
} from './server'

const COMMAND = 'npm run bench   # = npx tsx bench/run.ts'
const HARD_LIMIT_MS = 8 * 60_000
/** Every proxy the bench starts: the load comes from one address, and no refresh lands in a run. */
const STACK_ENV = { IMAGEDECK_RATE_LIMIT: '100000', IMAGEDECK_CACHE_TTL_S: '3600' }
/** 1,000 pages at the default 20 calls/s would take ~50 s: raised for the 100,000-image proxy. */
const FAST_UPSTREAM = { UCLOUD_MAX_RPS: '1000', UCLOUD_RPS_BURST: '1000' }

const started = performance.now()
const loadStart = loadavg()[0]!
const spinStart = spinMs()
const watchdog = setTimeout(() => {
  process.stderr.write(`bench: still running after ${HARD_LIMIT_MS / 60_000} min, giving up\n`)
  process.exit(2)
}, HARD_LIMIT_MS)
watchdog.unref()

const sections: Section[] = []
const step = (what: string) =>
  process.stdout.write(
    `[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}\n`,
  )

/** Runs one measurement; a throw becomes a failing row, so the others still run. */
async function attempt<T>(area: string, what: string, rows: GoalRow[], run: () => Promise<T>) {
  try {
    return await run()
  } catch (error) {
    process.stderr.write(`bench: ${what} failed: ${error instanceof Error ? error.stack : error}\n`)
    rows.push(errorRow(area, what, error))
    return undefined
  }
}

// Cold list ---------------------------------------------------------------------------------------
step(`cold list: ${COLD_LIST_FULL.count} images, ${COLD_LIST_FULL.latencyMs} ms per call`)
const coldErrors: GoalRow[] = []
const cold = await attempt('10,000 cold list', 'cold list', coldErrors, () =>
  measureColdList(COLD_LIST_FULL),
)
sections.push(cold ? coldListSection(cold) : { title: 'Cold list', rows: coldErrors, details: [] })

// The proxy as npm start runs it: 10,000 images, then 100,000 --------------------------------------
const serverRows: GoalRow[] = []
const servers: ServerRun[] = []
step('10,000 images: proxy and sandbox as child processes, warm queries, 50 connections for 10 s')
const s10 = await attempt('10,000 server', '10,000-image proxy', serverRows, () =>
  measureServer(10_000, { samples: 400, warmup: 100, connections: 50, seconds: 10 }, STACK_ENV),
)
if (s10) {
  servers.push(s10)
  serverRows.push(warmQueryRow(s10, 5), memoryRow(s10, 150, false), loadRow(s10, false))
}
step('100,000 images: 50 connections for 10 s')
const s100 = await attempt('100,000 server', '100,000-image proxy', serverRows, () =>
  measureServer(
    100_000,
    { samples: 0, warmup: 0, connections: 50, seconds: 10 },
    { ...STACK_ENV, ...FAST_UPSTREAM },
  ),
)
if (s100) {
  servers.push(s100)
  serverRows.push(loadRow(s100, true), memoryRow(s100, 400, true))
}
sections.push({
  title: 'The proxy: warm queries, memory, load',
  rows: serverRows,
  details: [
    `The proxy is the bundled server \`npm start\` runs (\`node ${[...startFlags(), 'dist-server/main.mjs'].join(' ')}\`, built by ` +
      '`scripts/build-server.mjs`), in live mode against the standalone sandbox in a process of its ' +
      'own (not counted). Every request sends `Accept-Encoding: br, gzip`, as a browser does, so ' +
      'answers over 1 KB are compressed (`proxy/http/compress.ts`). After the first (cold) list: ' +
      '`/api/health` and a varied `/api/images` query (a search word 70% of the time, status and GPU ' +
      'choices, a sort, one of the first three pages of 20; drawn from the seeded PRNG of ' +
      '`proxy/sandbox/prng.ts`, so every run sends the same ones) take turns over one keep-alive ' +
      'connection, after a warm-up; then autocannon sends 64 such queries over 50 connections for ' +
      '10 s. RSS is read from `/proc/<pid>/status`: VmHWM is the most the process ever held. At ' +
      '10,000 images the guard is the peak over the list and the sequential queries (one user), ' +
      'the peak under the 50 connections beside it; at 100,000 the peak under the load.',
    '',
    ...SERVER_TABLE_HEAD,
    ...servers.map(serverDetail),
  ],
})

// The first load and a filter keystroke, from the built app ----------------------------------------
const frontRows: GoalRow[] = []
const frontDetails: string[] = []
let files: Fetched[] | undefined
let filters: FilterRun[] | undefined
step('front end: build, first load as served, Chromium')
await attempt('front end', 'build and app', frontRows, async () => {
  frontDetails.push(`Build: ${ensureBuilt()}.`, '')
  let app: Child | undefined
  try {
    app = await startSandboxApp('frontend-app', STACK_ENV)
    const appUrl = app.url
    files = await attempt('first load', 'first load', frontRows, () => measureFirstLoad(appUrl))
    await fetch(`${appUrl}/api/images?limit=100`).then((r) => r.arrayBuffer()) // warm the list cache
    filters = await attempt('10,000 filter', 'Chromium filter changes', frontRows, () =>
      measureFilters(appUrl),
    )
  } finally {
    await app?.stop()
  }
})
if (files) {
  frontRows.unshift(firstLoadRow(files))
  frontDetails.push(
    'The built app served by the bundled server in sandbox mode (10,000 images). The files are ' +
      'the same-origin, non-API requests headless Chromium starts on `/` before the first image row ' +
      'is in the DOM, once per language (the heavier shown). Each is then fetched over a connection ' +
      'of its own; "on the wire" counts every byte read from the socket: status line, headers and ' +
      'the body as sent.',
    '',
    ...firstLoadDetails(files),
    '',
  )
}
if (filters) {
  frontRows.push(...filterRows(filters, 10_000))
  frontDetails.push(
    'Filter changes: the same app, list cache warm, in headless Chromium (`/usr/bin/chromium`), ' +
      'viewport 1440×900.',
    '',
    ...filterDetails(filters, debounceMs()),
  )
}
sections.push({
  title: 'The front end: first load and a filter keystroke',
  rows: frontRows,
  details: frontDetails,
})

// Report ------------------------------------------------------------------------------------------
const seconds = (performance.now() - started) / 1000
const machine = machineInfo()
const notes = [
  `IMAGEDECK_RATE_LIMIT=${STACK_ENV.IMAGEDECK_RATE_LIMIT} and IMAGEDECK_CACHE_TTL_S=${STACK_ENV.IMAGEDECK_CACHE_TTL_S} on every proxy the bench starts (defaults: 600/min per client, 15 s).`,
  `UCLOUD_MAX_RPS=${FAST_UPSTREAM.UCLOUD_MAX_RPS}, UCLOUD_RPS_BURST=${FAST_UPSTREAM.UCLOUD_RPS_BURST} for the 100,000-image proxy only; the others use the defaults.`,
]
const meta = {
  command: COMMAND,
  machine,
  seconds,
  loadStart,
  loadEnd: loadavg()[0]!,
  spinStart,
  spinEnd: spinMs(),
  notes,
}
writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), await markdownReport(sections, meta))

const failures = sections.flatMap((s) => s.rows).filter((r) => r.status === 'FAIL')
process.stdout.write(`\n${consoleTable(sections)}\n\n`)
process.stdout.write(
  `${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}; ${seconds.toFixed(0)} s; ` +
    `load ${loadStart.toFixed(2)} → ${meta.loadEnd.toFixed(2)}; loop ${spinStart.toFixed(0)} → ` +
    `${meta.spinEnd.toFixed(0)} ms\nWrote docs/benchmarks.md\n`,
)
if (failures.length > 0) {
  process.stderr.write(
    `bench: ${failures.length} guard(s) failed: ${failures.map((r) => `${r.area}: ${r.metric} = ${r.measured}`).join('; ')}\n`,
  )
  process.stderr.write(`bench: the child processes' logs are in ${logDirectory()}\n`)
  process.exitCode = 1
} else removeLogs()
clearTimeout(watchdog)
