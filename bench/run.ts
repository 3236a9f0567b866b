/**
 * `npm run bench`: every performance goal measured in one run, printed as a table and written to
 * docs/benchmarks.md. Exits non-zero only for the bundle budget or a measurement that cannot run.
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../proxy/config'
import { analysis } from './analysis'
import { concurrencyChoice } from './choices'
import { COLD_LIST_FULL, coldListSection, measureColdList, type ColdListResult } from './cold-list'
import { entryBreakdown } from './frontend-breakdown'
import { floorDetails, measureFloor, type FloorResult } from './frontend-floor'
import {
  BROWSER_FULL,
  browserDetails,
  browserRows,
  measureBrowser,
  ROWS_MARK,
  type BrowserResult,
} from './frontend-browser'
import {
  bundleDetails,
  bundleRows,
  ensureBuilt,
  measureBundle,
  type BundleResult,
} from './frontend-bundle'
import { logDirectory, removeLogs, ROOT, startChildStack } from './lib/children'
import { machineInfo } from './lib/machine'
import type { GoalRow, Section } from './lib/result'
import { int, mb, ms } from './lib/stats'
import {
  coldFetchThroughChild,
  memoryDetail,
  memoryRows,
  settledMemory,
  type MemoryResult,
} from './memory'
import { consoleTable, markdownReport } from './report'
import { measureSigner, SIGNER_FULL, signerRows } from './signer'
import {
  LOAD_TABLE_HEAD,
  loadDetail,
  loadRun,
  throughputRows,
  TYPICAL_PAGES,
  type LoadRun,
} from './throughput'
import {
  measureWarmQueries,
  WARM_QUERY_TABLE_HEAD,
  warmQueryDetail,
  warmQueryRows,
  type WarmQueryResult,
} from './warm-query'

const COMMAND = 'npm run bench   # = npx tsx bench/run.ts'
const HARD_LIMIT_MS = 6 * 60_000
/** Per-client limit on the proxy children: the load runs come from one address. */
const BENCH_RATE_LIMIT = '100000'

const started = performance.now()
const loadStart = loadavg()[0]!
const watchdog = setTimeout(() => {
  process.stderr.write(`bench: still running after ${HARD_LIMIT_MS / 60_000} min, giving up\n`)
  process.exit(2)
}, HARD_LIMIT_MS)
watchdog.unref()

const sections: Section[] = []
const notes: string[] = []
const choices: string[] = []
/** Measurements that could not run (not SKIPs): they fail the command. */
const errors: string[] = []

const step = (what: string) =>
  process.stdout.write(
    `[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}\n`,
  )

function failed(area: string, what: string, error: unknown): GoalRow {
  const message = error instanceof Error ? error.message : String(error)
  errors.push(`${what}: ${message}`)
  process.stderr.write(`bench: ${what} failed: ${message}\n`)
  return {
    area,
    metric: what,
    measured: `error: ${message.slice(0, 200)}`,
    goal: 'runs',
    status: 'FAIL',
    hard: true,
  }
}

const defaults = loadConfig({})

// 1. Cold list ----------------------------------------------------------------------------------
let cold: ColdListResult | undefined
step(`cold list: ${int(COLD_LIST_FULL.count)} images, ${COLD_LIST_FULL.latencyMs} ms per call`)
try {
  cold = await measureColdList(COLD_LIST_FULL)
  sections.push(coldListSection(cold))
} catch (error) {
  sections.push({
    title: '1. Cold list',
    rows: [failed('1 cold list', 'cold list measurement', error)],
    details: [],
  })
}

// 2 + 5. Warm queries and load on 10,000 images; 2 + 3 + 5 on 100,000 -----------------------------
const warm: WarmQueryResult[] = []
const loads: LoadRun[] = []
let typical: LoadRun | undefined
let memory: MemoryResult | undefined
const stackEnv = { IMAGEDECK_RATE_LIMIT: BENCH_RATE_LIMIT, IMAGEDECK_CACHE_TTL_S: '3600' }
const warmRows: GoalRow[] = []
const loadRows: GoalRow[] = []
const memRows: GoalRow[] = []
const stackDetails: string[] = []

step('10,000 images: proxy and sandbox as child processes')
try {
  const stack = await startChildStack('p10k', 10_000, stackEnv)
  try {
    const fetched = await coldFetchThroughChild(stack)
    stackDetails.push(
      `10,000 images, proxy child with default upstream settings: cold fetch (no added latency) ` +
        `${ms(fetched.ms, 0)}; RSS ${mb(fetched.rssIdle)} idle → ${mb(fetched.rssAfterFetch)} with the list.`,
    )
    step('10,000 images: warm queries')
    warm.push(await measureWarmQueries(stack.proxy.url, 10_000, { samples: 400, warmup: 100 }))
    step('10,000 images: 50 connections, 10 s')
    typical = await loadRun(stack.proxy, 10_000, 'typical pages, 50 connections', 50, 10)
    step('10,000 images: 200 connections, 10 s')
    loads.push(await loadRun(stack.proxy, 10_000, 'hardening load run', 200, 10))
  } finally {
    await stack.close()
  }
} catch (error) {
  warmRows.push(failed('2 warm query', '10,000-image stack', error))
}

step('100,000 images: proxy and sandbox as child processes')
try {
  // 1,000 pages: at the default 20 calls/s this fetch alone would take ~45 s; raised for the bench.
  const stack = await startChildStack('p100k', 100_000, {
    ...stackEnv,
    UCLOUD_MAX_RPS: '1000',
    UCLOUD_RPS_BURST: '1000',
  })
  try {
    const fetched = await coldFetchThroughChild(stack)
    step('100,000 images: warm queries')
    warm.push(await measureWarmQueries(stack.proxy.url, 100_000, { samples: 150, warmup: 30 }))
    memory = await settledMemory(stack, fetched, 5000)
    step('100,000 images: 200 connections, 10 s')
    loads.push(await loadRun(stack.proxy, 100_000, 'hardening load run', 200, 10))
  } finally {
    await stack.close()
  }
} catch (error) {
  memRows.push(failed('3 memory', '100,000-image stack', error))
}

for (const r of warm) warmRows.push(...warmQueryRows(r, r.count === 10_000 ? 3 : undefined))
sections.push({
  title: '2. Warm queries',
  rows: warmRows,
  details: [
    'Sequential requests over one keep-alive connection to the proxy child: `GET /api/health`, a ' +
      'typical and a worst-case `GET /api/images?q=…&status=…&gpu=…&sort=…&order=…&offset=…&limit=20` ' +
      'taking turns, after a warm-up of each. Every query differs from the one before: 4 status pairs, ' +
      '5 GPU pairs, 6 sort fields, both orders, 3 pages. The typical mix searches 12 words, each ' +
      'coming back as a user pages, sorts and narrows it (the snapshot keeps the match lists of its 32 ' +
      'most recent search words). The worst case cycles through 48 words, so the term cache never ' +
      'hits and every query scans the whole search text. Latency is client-side, from sending to the ' +
      'last byte.',
    '',
    ...WARM_QUERY_TABLE_HEAD,
    ...warm.flatMap(warmQueryDetail),
    '',
    `Median matches of the typical queries: ${warm.map((w) => `${int(w.medianTotal)} of ${int(w.count)}`).join('; ')}.`,
  ],
})

// 3. Signer and memory ---------------------------------------------------------------------------
step('signer')
try {
  const signer = measureSigner(SIGNER_FULL)
  const peak = cold
    ? Math.max(...cold.byConcurrency.get(cold.defaultConcurrency)!.map((r) => r.peak100)) * 10
    : 160
  memRows.unshift(...signerRows(signer, peak))
} catch (error) {
  memRows.push(failed('3 signer', 'signer measurement', error))
}
if (memory) memRows.push(...memoryRows(memory))
sections.push({
  title: '3. Signer and memory',
  rows: memRows,
  details: [
    'Signer: `signParams` (flatten, sort, concatenate, SHA-1) over a `DescribeCompShareCustomImages` ' +
      'page request (Region, Zone, ProjectId, Offset, Limit + PublicKey), in the bench process, ' +
      'median of timed windows after a warm-up.',
    '',
    'Memory: the proxy is the bundled server `npm start` runs (`node dist-server/main.mjs`, built ' +
      'by `scripts/build-server.mjs`, no tsx loader) in live mode against the standalone ' +
      'sandbox (`proxy/sandbox/main.ts`, its own process, not counted). RSS is VmRSS of the proxy ' +
      'process from `/proc/<pid>/status`. For the 100,000-image fetch UCLOUD_MAX_RPS and UCLOUD_RPS_BURST are raised to 1000, ' +
      'as 1,000 pages at the default 20 calls/s would take ~45 s.',
    '',
    ...(memory ? memoryDetail(memory) : ['(memory not measured: see the error above)']),
    '',
    ...stackDetails,
  ],
})

// 4. Front end -----------------------------------------------------------------------------------
const frontRows: GoalRow[] = []
let browser: BrowserResult | undefined
let bundleResult: BundleResult | undefined
let floor: FloorResult | undefined
const frontDetails: string[] = []
step('front end: build check and bundle')
const build = ensureBuilt()
frontDetails.push(`Build: ${build.message}.`, '')
if (!build.ok) {
  const why = `front end skipped: ${build.message}`
  notes.push(why)
  frontRows.push({
    area: '4 front end',
    metric: 'bundle and browser',
    measured: 'not measured',
    goal: 'build',
    status: 'SKIP',
  })
} else {
  try {
    const bundle = measureBundle()
    frontRows.push(...bundleRows(bundle))
    frontDetails.push(
      'Initial JS + CSS: the entry script, `modulepreload` links and stylesheets of `dist/index.html`, ' +
        'plus anything they import statically; each gzipped with zlib level 9.',
      '',
      ...bundleDetails(bundle),
      '',
    )
    frontDetails.push(...entryBreakdown(bundle), '')
    bundleResult = bundle
    floor = measureFloor(bundle)
    frontDetails.push(...floorDetails(floor, bundle), '')
  } catch (error) {
    frontRows.push(failed('4 front end', 'bundle measurement', error))
  }
  step('front end: Chromium')
  try {
    browser = await measureBrowser(BROWSER_FULL)
    frontRows.push(...browserRows(browser))
    frontDetails.push(...browserDetails(browser))
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    notes.push(`browser measurement skipped: ${message}`)
    frontRows.push({
      area: '4 front end',
      metric: `browser timings (needs performance.mark('${ROWS_MARK}') and a working build)`,
      measured: `skipped: ${message.slice(0, 160)}`,
      goal: 'runs',
      status: 'SKIP',
    })
  }
}
sections.push({ title: '4. Front end', rows: frontRows, details: frontDetails })

// 5. Throughput ----------------------------------------------------------------------------------
if (typical) loadRows.push(...throughputRows(typical, loads))
sections.push({
  title: '5. Throughput and load',
  rows: loadRows,
  details: [
    `autocannon in the bench process against the proxy child; each connection cycles through ` +
      `${TYPICAL_PAGES.length} typical filtered pages (${TYPICAL_PAGES.map((p) => `\`${p}\``).join(', ')}). ` +
      `The proxy's per-client limit is raised with IMAGEDECK_RATE_LIMIT=${BENCH_RATE_LIMIT} (all ` +
      'load comes from 127.0.0.1, one client); the list cache TTL is 3600 s so no refresh lands in a ' +
      'run. RSS is sampled every 100 ms during each run.',
    '',
    ...LOAD_TABLE_HEAD,
    ...[typical, ...loads].filter((r): r is LoadRun => r !== undefined).map(loadDetail),
  ],
})

// Notes, choices, report ----------------------------------------------------------------------------
notes.push(
  `IMAGEDECK_RATE_LIMIT=${BENCH_RATE_LIMIT} and IMAGEDECK_CACHE_TTL_S=3600 on every proxy the bench starts (the defaults are 600/min per client and 15 s).`,
  'UCLOUD_MAX_RPS=1000, UCLOUD_RPS_BURST=1000 for the 100,000-image proxy only; the cold-list measurement and the 10,000-image proxy use the defaults ' +
    `(${defaults.maxRequestsPerSecond}/s, burst ${defaults.burst}).`,
)
if (cold) choices.push(...concurrencyChoice(cold))

const seconds = (performance.now() - started) / 1000
const meta = {
  command: COMMAND,
  machine: machineInfo(),
  seconds,
  loadStart,
  loadEnd: loadavg()[0]!,
  notes,
  choices,
}
const markdown = markdownReport(sections, {
  ...meta,
  analysis: analysis({
    rows: sections.flatMap((s) => s.rows),
    cold,
    warm,
    memory,
    browser,
    bundle: bundleResult,
    floor,
    loads,
  }),
})
writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), markdown)

const allRows = sections.flatMap((s) => s.rows)
process.stdout.write(`\n${consoleTable(sections)}\n\n`)
process.stdout.write(
  `${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memory}, Node ${meta.machine.node}; ${seconds.toFixed(0)} s; load ${loadStart.toFixed(2)} → ${meta.loadEnd.toFixed(2)}\n`,
)
process.stdout.write('Wrote docs/benchmarks.md\n')
const hardFailures = allRows.filter((r) => r.hard && r.status === 'FAIL')
if (hardFailures.length > 0) {
  process.stderr.write(
    `bench: ${hardFailures.length} hard failure(s): ${hardFailures.map((r) => r.metric).join('; ')}\n`,
  )
  process.exitCode = 1
}
if (errors.length === 0) removeLogs()
else process.stderr.write(`bench: the child processes' logs are in ${logDirectory()}\n`)
clearTimeout(watchdog)
