import { readFileSync, statSync } from 'node:fs'
import autocannon from 'autocannon'
import type { Child } from './lib/children'
import { verdict, type GoalRow } from './lib/result'
import { int, mb, ms, percentile } from './lib/stats'

/**
 * Typical filtered pages: a few searches a user repeats while paging and narrowing, as the SPA asks.
 * Identical queries on a snapshot share one result (proxy/images/query-results.ts), so after each
 * page's first request these runs measure serving shared views (a default view many users open,
 * the SPA's live refetch); bench/warm-query.ts measures the query work itself.
 */
export const TYPICAL_PAGES = [
  '/api/images?status=Available&gpu=RTX+4090%2CA100&limit=20',
  '/api/images?q=pytorch&status=Available&limit=20',
  '/api/images?q=pytorch&status=Available&limit=20&offset=20',
  '/api/images?q=llm&gpu=H100%2CA800&sort=Name&order=asc&limit=20',
  '/api/images?status=Available%2CMaking&sort=Price&order=asc&limit=20',
  '/api/images?q=comfyui&type=Custom%2CCommunity&limit=20',
  '/api/images?failed=1&sort=CreateTime&limit=20',
  '/api/images?gpu=RTX+4090&framework=vLLM&limit=50',
]

export interface LoadRun {
  label: string
  images: number
  connections: number
  seconds: number
  rps: number
  p50: number
  p99: number
  max: number
  total: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  rssBefore: number
  rssAfter: number
  rssPeak: number
  /** `/api/images` handling time from the proxy's own request log lines written during the run. */
  serverP50?: number
  serverP99?: number
  /** Connections the kernel dropped from a full listen queue during the run (Linux TcpExt). */
  listenOverflows?: number
}

/** TcpExt ListenOverflows from /proc/net/netstat, or undefined off Linux. */
function listenOverflows(): number | undefined {
  try {
    const [head, values] = readFileSync('/proc/net/netstat', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('TcpExt:'))
      .map((line) => line.split(/\s+/))
    const at = head?.indexOf('ListenOverflows') ?? -1
    return at > 0 && values ? Number(values[at]) : undefined
  } catch {
    return undefined
  }
}

/** The `ms` of the proxy's `request` log lines for /api/images written after byte `from`. */
function serverTimes(logFile: string, from: number): number[] {
  const text = readFileSync(logFile).subarray(from).toString('utf8')
  const out: number[] = []
  for (const line of text.split('\n')) {
    if (!line.includes('"msg":"request"') || !line.includes('"path":"/api/images"')) continue
    try {
      const entry = JSON.parse(line) as { ms?: unknown }
      if (typeof entry.ms === 'number') out.push(entry.ms)
    } catch {
      // a line cut by the read: skip it
    }
  }
  return out
}

/** autocannon against the proxy child, sampling its RSS every 100 ms while the load runs. */
export async function loadRun(
  proxy: Child,
  images: number,
  label: string,
  connections: number,
  seconds: number,
): Promise<LoadRun> {
  const rssBefore = proxy.memory().rss
  const logFrom = statSync(proxy.logFile).size
  const overflowsBefore = listenOverflows()
  let rssPeak = rssBefore
  const sampler = setInterval(() => {
    try {
      rssPeak = Math.max(rssPeak, proxy.memory().rss)
    } catch {
      // the child went away: the run's errors will say so
    }
  }, 100)
  let result: Awaited<ReturnType<typeof autocannon>>
  try {
    result = await autocannon({
      url: proxy.url,
      connections,
      duration: seconds,
      timeout: 10,
      requests: TYPICAL_PAGES.map((path) => ({ method: 'GET', path })),
    })
  } finally {
    clearInterval(sampler)
  }
  const rssAfter = proxy.memory().rss
  const server = serverTimes(proxy.logFile, logFrom)
  const overflowsAfter = listenOverflows()
  return {
    label,
    images,
    connections,
    seconds,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]),
    ),
    rssBefore,
    rssAfter,
    rssPeak: Math.max(rssPeak, rssAfter),
    ...(overflowsBefore !== undefined && overflowsAfter !== undefined
      ? { listenOverflows: overflowsAfter - overflowsBefore }
      : {}),
    ...(server.length > 0
      ? { serverP50: percentile(server, 50), serverP99: percentile(server, 99) }
      : {}),
  }
}

/** Memory is bounded under load when the proxy grows by less than this while it lasts. */
export const LOAD_GROWTH_BYTES = 50 * 1024 * 1024

export function throughputRows(typical: LoadRun, heavy: LoadRun[]): GoalRow[] {
  const rows: GoalRow[] = [
    {
      area: '5 throughput',
      metric: `${int(typical.images)} images, ${typical.connections} connections, ${typical.seconds} s: req/s (p99 ${ms(typical.p99, 0)})`,
      measured: `${int(typical.rps)}/s`,
      goal: 'report; no errors',
      status: verdict(typical.non2xx === 0 && typical.errors === 0),
    },
  ]
  for (const run of heavy) {
    // autocannon counts a timeout as an error too.
    const failures = run.non2xx + run.errors
    rows.push(
      {
        area: '5 load',
        metric: `${int(run.images)} images, ${run.connections} connections, ${run.seconds} s: non-2xx + errors (${int(run.total)} requests, ${int(run.rps)}/s, p99 ${ms(run.p99, 0)})`,
        measured: String(failures),
        goal: '0',
        status: verdict(failures === 0),
      },
      {
        area: '5 load',
        metric: `${int(run.images)} images: proxy RSS before → peak → after`,
        measured: `${mb(run.rssBefore)} → ${mb(run.rssPeak)} → ${mb(run.rssAfter)}`,
        goal: `peak ≤ before + ${mb(LOAD_GROWTH_BYTES)}`,
        status: verdict(run.rssPeak <= run.rssBefore + LOAD_GROWTH_BYTES),
      },
    )
  }
  return rows
}

export const LOAD_TABLE_HEAD = [
  '| run | images | connections | duration | requests | req/s | p50 | p99 | max | proxy-side p50 / p99 | non-2xx | errors (of which timeouts) | listen overflows | RSS before | RSS peak | RSS after |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
]

export function loadDetail(r: LoadRun): string {
  return (
    `| ${r.label} | ${int(r.images)} | ${r.connections} | ${r.seconds} s | ${int(r.total)} | ${int(r.rps)} | ${r.p50} ms | ` +
    `${r.p99} ms | ${r.max} ms | ${r.serverP50 ?? 'n/a'} / ${r.serverP99 ?? 'n/a'} ms | ${r.non2xx} | ${r.errors} (${r.timeouts}) | ${r.listenOverflows ?? 'n/a'} | ${mb(r.rssBefore)} | ${mb(r.rssPeak)} | ${mb(r.rssAfter)} |`
  )
}
