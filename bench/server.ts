import autocannon from 'autocannon'
import { IMAGE_STATUSES, SORT_FIELDS } from '../proxy/contract/api'
import { GPU_TYPES } from '../proxy/sandbox/data-stacks'
import { Draw, mulberry32 } from '../proxy/sandbox/prng'
import { startChildStack, type ChildStack } from './lib/children'
import { BROWSER_ENCODINGS, getOk, keepAliveAgent } from './lib/http'
import { verdict, type GoalRow } from './lib/result'
import { int, mb, ms, percentile, ratio } from './lib/stats'

/** Search words a user of the sandbox's catalog types: names, frameworks, models, Chinese terms. */
const WORDS = [
  ...['pytorch', 'llm', 'cuda', 'comfyui', 'stable', 'vllm', 'webui', 'qwen', 'llama', 'jupyter'],
  ...['推理', '一键', '训练', '镜像', 'deepseek', 'lora', 'sdxl', 'flux', 'whisper', 'ollama'],
]
const GPUS = GPU_TYPES.map(([gpu]) => gpu)

/**
 * `count` varied list queries, as users send them: a search word most of the time, some status and
 * GPU choices, a sort and order, one of the first pages. Drawn from the project's seeded PRNG, so
 * every run sends the same sequence.
 */
export function listQueries(count: number, seed = 2026): string[] {
  const d = new Draw(mulberry32(seed))
  return Array.from({ length: count }, () => {
    const p = new URLSearchParams()
    if (d.chance(0.7)) p.set('q', d.pick(WORDS))
    if (d.chance(0.5)) p.set('status', [d.pick(IMAGE_STATUSES), d.pick(IMAGE_STATUSES)].join(','))
    if (d.chance(0.3)) p.set('gpu', [d.pick(GPUS), d.pick(GPUS)].join(','))
    if (d.chance(0.6)) p.set('sort', d.pick(SORT_FIELDS))
    if (d.chance(0.5)) p.set('order', 'asc')
    p.set('offset', String(d.int(0, 2) * 20))
    p.set('limit', '20')
    return `/api/images?${p}`
  })
}

export interface ServerRun {
  count: number
  coldFetchMs: number
  /** VmRSS before the list, after it, and at the end. */
  rssIdle: number
  rssListed: number
  rssEnd: number
  /** VmHWM (the most the process ever held) before the load run, and after it. */
  peakBeforeLoad: number
  peak: number
  health?: number[]
  query?: number[]
  medianTotal?: number
  load: LoadRun
}

export interface LoadRun {
  connections: number
  seconds: number
  requests: number
  rps: number
  p50: number
  p99: number
  /** non-2xx answers + errors (autocannon counts a timeout as an error too). */
  failures: number
}

/** autocannon with the varied queries a browser sends (compressed answers), `connections` at once. */
async function load(stack: ChildStack, connections: number, seconds: number): Promise<LoadRun> {
  const result = await autocannon({
    url: stack.proxy.url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: listQueries(64, 7).map((path) => ({
      method: 'GET',
      path,
      headers: BROWSER_ENCODINGS,
    })),
  })
  return {
    connections,
    seconds,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
  }
}

/**
 * The proxy as `npm start` runs it (the bundled server on bare Node), in live mode against the
 * sandbox in a process of its own: its first list, then (with `samples`) `/api/health` and a
 * varied list query taking turns over one keep-alive connection, then a load of `connections`.
 */
export async function measureServer(
  count: number,
  options: { samples: number; warmup: number; connections: number; seconds: number },
  env: Record<string, string> = {},
): Promise<ServerRun> {
  const stack = await startChildStack(`p${count}`, count, env)
  try {
    const rssIdle = stack.proxy.memory().rss
    const agent = keepAliveAgent()
    const get = (path: string) => getOk(stack.proxy.url + path, agent, 180_000, BROWSER_ENCODINGS)
    const cold = await get('/api/images?limit=20')
    const { total } = JSON.parse(cold.body) as { total: number }
    if (total !== count) throw new Error(`the proxy holds ${total} images, expected ${count}`)
    const rssListed = stack.proxy.memory().rss
    const run: Partial<ServerRun> = {}
    if (options.samples > 0) {
      const queries = listQueries(options.warmup + options.samples)
      const health: number[] = []
      const query: number[] = []
      const totals: number[] = []
      for (const [k, path] of queries.entries()) {
        const h = await get('/api/health')
        const q = await get(path)
        if (k < options.warmup) continue
        health.push(h.ms)
        query.push(q.ms)
        totals.push((JSON.parse(q.body) as { total: number }).total)
      }
      Object.assign(run, { health, query, medianTotal: percentile(totals, 50) })
    }
    agent.destroy()
    const peakBeforeLoad = stack.proxy.memory().peak
    const loadRun = await load(stack, options.connections, options.seconds)
    const { rss, peak } = stack.proxy.memory()
    return {
      count,
      coldFetchMs: cold.ms,
      rssIdle,
      rssListed,
      rssEnd: rss,
      peakBeforeLoad,
      peak,
      ...run,
      load: loadRun,
    }
  } finally {
    await stack.close()
  }
}

export function warmQueryRow(r: ServerRun, goal: number): GoalRow {
  const query = percentile(r.query ?? [], 50)
  const health = percentile(r.health ?? [], 50)
  return {
    area: `${int(r.count)} warm query`,
    metric: `p50 varied /api/images ÷ p50 /api/health (${ms(query, 2)} ÷ ${ms(health, 2)}; ${r.query?.length} each)`,
    measured: ratio(query / health),
    goal: `≤ ${goal}×`,
    status: verdict(query / health <= goal),
  }
}

/**
 * Peak RSS against a budget: `underLoad` over everything including the load run, else over the list
 * and the sequential queries (one user's use), with the peak under load shown beside it.
 */
export function memoryRow(r: ServerRun, budgetMb: number, underLoad: boolean): GoalRow {
  const value = underLoad ? r.peak : r.peakBeforeLoad
  const what = underLoad
    ? `the list and ${r.load.connections} connections`
    : `the list and the queries (${mb(r.peak)} after ${r.load.connections} connections)`
  return {
    area: `${int(r.count)} memory`,
    metric: `proxy peak RSS (VmHWM) over ${what}`,
    measured: mb(value),
    goal: `≤ ${budgetMb} MB`,
    status: verdict(value <= budgetMb * 1024 * 1024),
  }
}

export function loadRow(r: ServerRun, guard: boolean): GoalRow {
  const l = r.load
  return {
    area: `${int(r.count)} load`,
    metric: `${l.connections} connections, ${l.seconds} s: non-2xx + errors (${int(l.requests)} requests, ${int(l.rps)}/s, p99 ${l.p99} ms)`,
    measured: String(l.failures),
    goal: guard ? '0' : 'report',
    status: guard ? verdict(l.failures === 0) : 'INFO',
  }
}

export const SERVER_TABLE_HEAD = [
  '| images | cold fetch | RSS idle → listed → end | peak RSS before / after the load | health p50 / p99 | query p50 / p99 | query matches (median) | load: connections, requests, req/s, p50 / p99, failures |',
  '|---:|---:|---|---:|---:|---:|---:|---|',
]

export function serverDetail(r: ServerRun): string {
  const p = (xs: number[] | undefined, q: number) => (xs ? ms(percentile(xs, q), 2) : '—')
  const l = r.load
  return (
    `| ${int(r.count)} | ${ms(r.coldFetchMs, 0)} | ${mb(r.rssIdle)} → ${mb(r.rssListed)} → ${mb(r.rssEnd)} ` +
    `| ${mb(r.peakBeforeLoad)} / ${mb(r.peak)} | ${p(r.health, 50)} / ${p(r.health, 99)} | ${p(r.query, 50)} / ${p(r.query, 99)} ` +
    `| ${r.medianTotal === undefined ? '—' : int(r.medianTotal)} ` +
    `| ${l.connections}, ${int(l.requests)}, ${int(l.rps)}/s, ${l.p50} / ${l.p99} ms, ${l.failures} |`
  )
}
