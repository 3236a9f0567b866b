import type { ColdListResult } from './cold-list'
import type { BrowserResult } from './frontend-browser'
import { BUNDLE_BUDGET_BYTES, type BundleResult } from './frontend-bundle'
import type { FloorResult } from './frontend-floor'
import type { MemoryResult } from './memory'
import type { GoalRow } from './lib/result'
import { int, kb, mb, median, ms, ratio } from './lib/stats'
import type { LoadRun } from './throughput'
import type { WarmQueryResult } from './warm-query'
import { percentile } from './lib/stats'

export interface AnalysisInput {
  rows: GoalRow[]
  cold?: ColdListResult
  warm: WarmQueryResult[]
  memory?: MemoryResult
  browser?: BrowserResult
  bundle?: BundleResult
  floor?: FloorResult
  loads: LoadRun[]
}

const failing = (rows: GoalRow[], area: string) =>
  rows.some((r) => r.area === area && r.status === 'FAIL')

/** Why a goal was missed, with this run's figures: written only for the goals that failed. */
export function analysis({
  rows,
  cold,
  warm,
  memory,
  browser,
  bundle,
  floor,
  loads,
}: AnalysisInput): string[] {
  const out: string[] = []
  if (cold && failing(rows, '1 cold list')) {
    const c = cold.defaultConcurrency
    const bound = (cold.pages * cold.latencyMs) / c
    const floor = (1 + Math.ceil((cold.pages - 1) / c)) * cold.latencyMs
    const proxy = median(cold.byConcurrency.get(c)!.map((r) => r.ms))
    const rig = median(cold.rigOnlyMs)
    out.push(
      `**Cold list.** The bound ⌈N/100⌉×latency÷c assumes every call costs exactly the latency and ` +
        `nothing else. What it leaves out: the first page has to go alone, because its TotalCount ` +
        `plans the rest (that floor is ${ms(floor, 0)} = ${ratio(floor / bound)} the bound at ` +
        `c=${c}; a fresh proxy has no earlier TotalCount to go on); each round trip's own cost on a ` +
        `2-core machine shared by the sandbox, the bench's client and the proxy (loopback, timers ` +
        `firing late, reading 90 kB bodies; the sandbox's processing runs inside the latency it ` +
        `answers in, docs/upstream-api.md); and the proxy's work: parsing, decoding and readying ` +
        `each page as it arrives, which delays that worker's next call, then after the last page ` +
        `the index's final passes, the first sort and the query. The rig alone, with the proxy's ` +
        `parsing, decoding and indexing taken out, took ${ms(rig, 0)} = ${ratio(rig / bound)} the ` +
        `bound; the whole proxy ${ms(proxy, 0)}` +
        (rig >= proxy
          ? ` (the rig came out no faster than the whole proxy: what the proxy adds is within this ` +
            `machine's noise). `
          : `, ${ms(proxy - rig, 0)} more. `) +
        `Against a real API, which answers concurrent calls on separate servers, the rig's share ` +
        `would mostly vanish. ` +
        (rig / bound > 1.3
          ? `Here the rig alone already misses the goal, so on this machine no proxy could meet it.`
          : `Here the rig alone is within the goal, so the difference is the proxy's own work.`),
    )
  }
  const w10 = warm.find((w) => w.count === 10_000)
  if (w10) {
    const worst = percentile(w10.worst, 50) / percentile(w10.health, 50)
    if (worst > 3) {
      out.push(
        `**Warm queries, worst case.** A search word the snapshot has not seen recently is looked ` +
          `for in the whole folded search text (one \`indexOf\` pass over the distinct field ` +
          `values, ~0.5 MB of UTF-8 per 10,000 images, then a pass over the images), which is most ` +
          `of that query's time: ${ratio(worst)} health at ` +
          `10,000 images. Words come back as a user pages, sorts and narrows, and those hit the ` +
          `snapshot's term cache (the typical mix). An n-gram index would make first searches ` +
          `cheap too, but costs several MB per 10,000 images, which the memory budget cannot ` +
          `afford.`,
      )
    }
  }
  if (memory && failing(rows, '3 memory')) {
    out.push(
      `**Memory.** The proxy holds ${mb(memory.rssIdle)} with no list at all (Node, Hono, zod, ` +
        `pino; the bundled server, no tsx loader). Measured separately (\`--expose-gc\`, 100,000 ` +
        `sandbox images), what a snapshot keeps is about 40 MB of V8 heap for the decoded images ` +
        `(one hidden class for all rows, equal strings and equal Tags/Softwares/Owner values shared) ` +
        `and about 16 MB off the heap for the search text (distinct field values, UTF-8) and the ` +
        `typed-array index. The rest ` +
        `is the collector's: the young generation's semi-spaces (32 MB once grown) and old-generation ` +
        `pages the 1,000-page parse filled, which a full collection right after the load returns. ` +
        `Going lower needs another representation: keep each image's JSON as UTF-8 bytes in one ` +
        `Buffer and decode only the rows a page returns (list-cache.ts, the query layer and ` +
        `export.ts together).`,
    )
  }
  if (failing(rows, '4 front end')) {
    const parts = ['**Front end.**']
    const fails = (start: string) =>
      rows.some(
        (r) => r.area === '4 front end' && r.metric.startsWith(start) && r.status === 'FAIL',
      )
    if (floor && fails('initial JS + CSS')) {
      const least = floor.together + floor.css
      parts.push(
        `The floor table above is the reason the bundle budget fails: the required libraries ` +
          `(React, TanStack Router, Query and Table, i18next) and the app's CSS alone come to ` +
          `${kb(least)} of the ${kb(BUNDLE_BUDGET_BYTES)}, before a line of the app. No trimming ` +
          `of the app's own code (about ${kb(Math.max(0, (bundle?.totalGzip ?? least) - least))} on ` +
          `top) can meet it; meeting it takes leaving one of those libraries off the first screen ` +
          `or replacing it with a smaller one, a choice for the stack's owner.`,
      )
    }
    if (browser && browser.filters.length > 0 && fails('longest task')) {
      const before = Math.max(...browser.filters.map((f) => f.longestBeforeRequest))
      const after = Math.max(...browser.filters.map((f) => f.longestAfterResponse))
      parts.push(
        `During filter changes the longest task that began before the request left (typing, ` +
          `debounce, the URL change) was ${ms(before, 0)}; after the response arrived (the new ` +
          `page: a transition render, then 20 rows mounted per frame, each with its style, layout ` +
          `and paint) ${ms(after, 0)}. A Chromium trace of these tasks on this machine shows the ` +
          `browser's own style, layout and paint of the new rows (the table is laid out as a whole ` +
          `on every slice) as the largest part; React's render yields every few ms, and the ` +
          `longest frame gap above bounds what is left. The load average during the run (see the ` +
          `top of this page) inflates every one of these: a task is measured in wall time.`,
      )
    }
    out.push(parts.join(' '))
  }
  for (const r of loads.filter((run) => run.non2xx + run.errors > 0)) {
    const parts = [
      `**Load at ${int(r.images)} images, ${r.connections} connections.** ${int(r.non2xx)} non-2xx ` +
        `and ${int(r.errors)} errors (${int(r.timeouts)} of them autocannon's 10 s timeout) out of ` +
        `${int(r.total)} requests, at ${int(r.rps)} requests/s with a client-side p50 of ` +
        `${ms(r.p50, 0)} and p99 of ${ms(r.p99, 0)}.`,
    ]
    if (r.serverP99 !== undefined) {
      parts.push(
        `The proxy's own request log puts its work at p50 ${ms(r.serverP50!, 0)} and p99 ` +
          `${ms(r.serverP99, 0)} per request, so the requests that waited 10 s were not slow to ` +
          `handle: a few connections were starved while the rest were served.`,
      )
    }
    if (r.listenOverflows !== undefined) {
      parts.push(
        `The kernel counted ${int(r.listenOverflows)} listen-queue overflows during the run` +
          (r.listenOverflows === 0
            ? ', so no connection was dropped before the proxy accepted it.'
            : '.'),
      )
    }
    parts.push(
      `Node 20's libuv accepts one new connection per event-loop turn, so a turn that runs many ` +
        `requests' work back to back leaves the other connections established by the kernel but ` +
        `not yet accepted (no overflow is counted), their first request unanswered; that is what ` +
        `starved connections here before the proxy ran list work in 10 ms slices per turn ` +
        `(proxy/http/fair-turn.ts) and shared identical queries' results per snapshot ` +
        `(proxy/images/query-results.ts). A failure now means turns still ran long (a collection ` +
        `pause, or the machine's other work) or autocannon, on the same 2 cores, was the one ` +
        `starved; a run from a separate load machine would tell them apart.`,
    )
    out.push(parts.join(' '))
  }
  return out
}
