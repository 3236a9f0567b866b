import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Image } from '../proxy/contract/api'
import { createApp } from '../proxy/app'
import { loadConfig, type Config } from '../proxy/config'
import { silentLogger } from '../proxy/log'
import type { KeyPair } from '../proxy/sandbox/app'
import { generateKeyPair } from '../proxy/sandbox/keys'
import { decodeImageSet } from '../proxy/upstream/decode'
import { createUpstreamClient, type UpstreamClient } from '../proxy/upstream/client'
import { freePort, startNode, type Child } from './lib/children'
import { BROWSER_ENCODINGS, getOk, keepAliveAgent } from './lib/http'
import { verdict, type Section } from './lib/result'
import { int, median, ms, ratio } from './lib/stats'

export interface ColdListOptions {
  count: number
  latencyMs: number
  /** Cold fetches at the default concurrency (median reported). */
  runs: number
  /** Sequential SDK-loop fetches (median reported). */
  sequentialRuns: number
}

export const COLD_LIST_FULL: ColdListOptions = {
  count: 10_000,
  latencyMs: 50,
  runs: 3,
  sequentialRuns: 1,
}

interface ColdRun {
  ms: number
  calls: number
  /** Most upstream calls arriving at the sandbox within any 100 ms. */
  peak100: number
}

export interface ColdListResult {
  count: number
  latencyMs: number
  pages: number
  defaultConcurrency: number
  maxRps: number
  burst: number
  /** The first cold fetch of this process (JIT cold); not in the median. */
  firstInProcessMs: number
  runs: ColdRun[]
  sequential: ColdRun[]
}

type Arrivals = { times: number[] }

/** The config the proxy runs with by default; only the per-client limit is raised for the bench. */
function benchConfig(): Config {
  return loadConfig({ IMAGEDECK_RATE_LIMIT: '100000' })
}

function clientFor(url: string, keys: KeyPair, config: Config): UpstreamClient {
  return createUpstreamClient(
    {
      baseUrl: url,
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      burst: config.burst,
      userAgent: 'ImageDeck/bench',
    },
    { log: silentLogger() },
  )
}

/** Calls and their peak density from the arrival times the sandbox recorded. */
function arrivalFigures(times: number[]): Omit<ColdRun, 'ms'> {
  let peak = 0
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= 100) lo++
    peak = Math.max(peak, hi - lo + 1)
  }
  return { calls: times.length, peak100: peak }
}

/** A fresh proxy (empty cache, full token bucket) on a real port; the time of its first list request. */
async function coldProxyFetch(sandbox: Child, keys: KeyPair, expected: number): Promise<ColdRun> {
  const config = benchConfig()
  const upstream = clientFor(sandbox.url, keys, config)
  const { app, cache } = createApp({ config, upstream, log: silentLogger(), version: 'bench' })
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const agent = keepAliveAgent()
  try {
    await getOk(`${url}/api/health`, agent) // the connection is open before the clock starts
    await sandbox.ask<Arrivals>({ type: 'arrivals' })
    const res = await getOk(`${url}/api/images?limit=20`, agent, 60_000, BROWSER_ENCODINGS)
    const { times } = await sandbox.ask<Arrivals>({ type: 'arrivals' })
    const { total } = JSON.parse(res.body) as { total: number }
    if (total !== expected) throw new Error(`cold list held ${total} images, expected ${expected}`)
    return { ms: res.ms, ...arrivalFigures(times) }
  } finally {
    agent.destroy()
    cache.clear() // its index would be warmed a second later, in the next run's time
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      if ('closeAllConnections' in server) server.closeAllConnections()
    })
  }
}

/** What a plain SDK loop does: Offset 0, 100, 200… one signed call after another. */
async function sequentialFetch(client: UpstreamClient, config: Config): Promise<Image[]> {
  const images: Image[] = []
  for (let offset = 0; offset < 1_000_000; offset += 100) {
    const { body } = await client.call('DescribeCompShareCustomImages', {
      Region: config.defaults.region,
      Zone: config.defaults.zone,
      Offset: offset,
      Limit: 100,
    })
    const page = decodeImageSet(body)
    images.push(...page.images)
    if (page.images.length < 100) break
    if (page.totalCount !== null && offset + 100 >= page.totalCount) break
  }
  return images
}

export async function measureColdList(options: ColdListOptions): Promise<ColdListResult> {
  const defaults = benchConfig()
  const keys = generateKeyPair()
  const port = await freePort()
  const sandbox = await startNode(
    'cold-list-sandbox',
    'bench/sandbox-child.ts',
    {
      SANDBOX_PORT: String(port),
      SANDBOX_COUNT: String(options.count),
      SANDBOX_PUBLIC_KEY: keys.publicKey,
      SANDBOX_PRIVATE_KEY: keys.privateKey,
    },
    (p) => `http://127.0.0.1:${p}/__sandbox/stats`,
    port,
    { ipc: true },
  )
  try {
    // The sandbox generates its catalog on the first list call: do that before any clock runs.
    const warm = await sequentialFetch(clientFor(sandbox.url, keys, defaults), defaults)
    if (warm.length !== options.count) {
      throw new Error(`sandbox served ${warm.length} images, expected ${options.count}`)
    }
    await sandbox.ask({ type: 'faults', settings: { latencyMs: options.latencyMs } })

    const first = await coldProxyFetch(sandbox, keys, options.count)
    const runs: ColdRun[] = []
    for (let r = 0; r < options.runs; r++) {
      runs.push(await coldProxyFetch(sandbox, keys, options.count))
    }

    const sequential: ColdRun[] = []
    for (let r = 0; r < options.sequentialRuns; r++) {
      const client = clientFor(sandbox.url, keys, defaults)
      await sandbox.ask<Arrivals>({ type: 'arrivals' })
      const started = performance.now()
      const images = await sequentialFetch(client, defaults)
      const elapsed = performance.now() - started
      const { times } = await sandbox.ask<Arrivals>({ type: 'arrivals' })
      if (images.length !== options.count)
        throw new Error(`sequential loop got ${images.length} images`)
      sequential.push({ ms: elapsed, ...arrivalFigures(times) })
    }

    return {
      count: options.count,
      latencyMs: options.latencyMs,
      pages: Math.ceil(options.count / 100),
      defaultConcurrency: defaults.concurrency,
      maxRps: defaults.maxRequestsPerSecond,
      burst: defaults.burst,
      firstInProcessMs: first.ms,
      runs,
      sequential,
    }
  } finally {
    await sandbox.stop()
  }
}

const medianOf = (runs: ColdRun[], pick: (r: ColdRun) => number) => median(runs.map(pick))

/** The bound ⌈N/100⌉ × latency ÷ c: every page's latency, c pages at a time, nothing else. */
export const coldBound = (r: ColdListResult) => (r.pages * r.latencyMs) / r.defaultConcurrency

export function coldListSection(r: ColdListResult): Section {
  const c = r.defaultConcurrency
  const bound = coldBound(r)
  const proxyMs = medianOf(r.runs, (x) => x.ms)
  const seqMs = medianOf(r.sequential, (x) => x.ms)
  const vsBound = proxyMs / bound
  const speedup = seqMs / proxyMs
  const peak = Math.max(...r.runs.map((x) => x.peak100))
  const calls = Math.max(...r.runs.map((x) => x.calls))
  const area = `${int(r.count)} cold list`
  return {
    title: `Cold list: ${int(r.count)} images, ${r.latencyMs} ms per upstream call`,
    rows: [
      {
        area,
        metric: `first /api/images, empty cache, c=${c}, ÷ the bound ⌈N/100⌉×latency÷c = ${ms(bound, 0)}`,
        measured: `${ms(proxyMs, 0)} = ${ratio(vsBound)}`,
        goal: '≤ 1.30×',
        status: verdict(vsBound <= 1.3),
      },
      {
        area,
        metric: `speed-up over a sequential SDK loop (${ms(seqMs, 0)})`,
        measured: ratio(speedup, 1),
        goal: '≥ 5×',
        status: verdict(speedup >= 5),
      },
      {
        area,
        metric: 'upstream calls per cold fetch; most at the sandbox in any 100 ms',
        measured: `${calls} calls; ${peak}`,
        goal: 'report',
        status: 'INFO',
      },
    ],
    details: [
      `The sandbox runs as a process of its own (\`bench/sandbox-child.ts\`: the real \`startSandbox\`, ` +
        `${int(r.count)} generated images, seed 42) with the fault \`latencyMs: ${r.latencyMs}\` on every ` +
        `call, its catalog generated before any clock starts; an answer leaves at max(${r.latencyMs} ms, ` +
        `processing). Each run builds a fresh proxy in the bench process (\`createApp\`: empty cache, ` +
        `full token bucket, the default upstream settings: UCLOUD_CONCURRENCY=${c}, ` +
        `UCLOUD_MAX_RPS=${r.maxRps}, UCLOUD_RPS_BURST=${r.burst}) and times its first ` +
        `\`GET /api/images?limit=20\` over an open keep-alive connection: ${r.pages} pages fetched, ` +
        `decoded and indexed, then the query. Median of ${r.runs.length} runs ` +
        `(${r.runs.map((x) => x.ms.toFixed(0)).join(', ')} ms); the process's first cold fetch (JIT cold, ` +
        `${ms(r.firstInProcessMs, 0)}) is not in it. The sequential loop is what a plain SDK loop does: ` +
        `Offset 0, 100, 200… one signed call after another ` +
        `(${r.sequential.map((x) => x.ms.toFixed(0)).join(', ')} ms). The bound counts only the upstream ` +
        `latency; the first page goes alone (it carries TotalCount), so the best possible is ` +
        `${ms((1 + Math.ceil((r.pages - 1) / c)) * r.latencyMs, 0)} = ` +
        `${ratio(((1 + Math.ceil((r.pages - 1) / c)) * r.latencyMs) / bound)} the bound.`,
    ],
  }
}
