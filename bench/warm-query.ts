import { RESULT_CACHE_SIZE } from '../proxy/images/query-results'
import { TERM_CACHE_SIZE } from '../proxy/images/query-search'
import { getOk, keepAliveAgent } from './lib/http'
import { verdict, type GoalRow } from './lib/result'
import { int, ms, percentile, ratio } from './lib/stats'

/**
 * Search words: the typical mix's 12, then 48 for the worst case, more than the snapshot's 32-entry
 * term cache holds, visited in a cycle, so every worst-case query scans the search text afresh
 * (the LRU's worst case) instead of reusing a match list.
 */
const TERMS = [
  'pytorch',
  'llm',
  'cuda',
  'comfyui',
  'jax',
  '推理',
  'stable',
  'vllm',
  'webui',
  'deepseek',
  'qwen',
  '一键',
  'llama',
  'tensorflow',
  'ollama',
  'gradio',
  'jupyter',
  '训练',
  'baichuan',
  'paddle',
  '文生图',
  'aigc',
  '量化',
  '多模态',
  'lab',
  '整合包',
  'research',
  'team',
  '环境',
  '镜像',
  'open',
  'lora',
  'sdxl',
  'flux',
  'whisper',
  'glm',
  'yi',
  'mistral',
  'notebook',
  'conda',
  '教程',
  '开箱',
  'diffusion',
  'server',
  '服务',
  'v100',
  'a100',
  'h100',
  'python',
  'ubuntu',
  'docker',
  'nvidia',
  'transformers',
  'chatglm',
  'internlm',
  'kohya',
  'fooocus',
  'vscode',
  'cuda12',
  'sam',
] as const
const STATUSES = [
  'Available,Making',
  'Available,Reviewing',
  'Available,UnAvailable',
  'Making,Offline',
] as const
const GPUS = ['RTX 4090,A100', 'H100,A800', 'RTX 3090,RTX 4090D', 'L40S,H100', 'A100,H800'] as const
const SORTS = ['CreateTime', 'Name', 'Price', 'Size', 'FavoritesCount', 'PubTime'] as const

/**
 * The typical mix: a dozen search words, each reused as a user pages, sorts and narrows it, so the
 * per-snapshot term cache holds their match lists; filters, sort, order and page still vary.
 */
const TYPICAL_TERMS = TERMS.slice(0, 12)
/**
 * The worst case: the other 48 words, never a typical one, so a worst-case query never repeats the
 * typical query sent just before it (it did when both lists began with the same words).
 */
const WORST_TERMS = TERMS.slice(12)

export type QueryMix = 'typical' | 'worst'

/** The k-th query of a fixed, varied sequence: search + two filters + sort + facets + a page. */
export function listQuery(k: number, mix: QueryMix = 'worst'): string {
  const terms = mix === 'typical' ? TYPICAL_TERMS : WORST_TERMS
  const params = new URLSearchParams({
    q: terms[k % terms.length]!,
    status: STATUSES[k % STATUSES.length]!,
    gpu: GPUS[k % GPUS.length]!,
    sort: SORTS[k % SORTS.length]!,
    order: k % 2 === 0 ? 'desc' : 'asc',
    offset: String((k % 3) * 20),
    limit: '20',
  })
  return `/api/images?${params}`
}

/**
 * The list queries measureWarmQueries sends, in order: typical and worst case taking turns, warm-up
 * first. `/api/health` goes between them but caches nothing.
 */
export function warmQuerySequence(options: { samples: number; warmup: number }): string[] {
  const out: string[] = []
  for (let k = 0; k < options.warmup + options.samples; k++) {
    out.push(listQuery(k, 'typical'), listQuery(k, 'worst'))
  }
  return out
}

/** Positions in `keys` where an LRU of `size` entries, touched by each key in turn, would hit. */
export function lruHits(keys: readonly string[], size: number): number[] {
  const lru = new Map<string, true>()
  const hits: number[] = []
  keys.forEach((key, at) => {
    if (lru.delete(key)) hits.push(at)
    lru.set(key, true)
    if (lru.size > size) lru.delete(lru.keys().next().value!)
  })
  return hits
}

/**
 * Why the sequence measures what it claims, or an error saying where it would not: no query comes
 * back while the proxy could still hold its result (proxy/images/query-results.ts: identical
 * queries on a snapshot share one), and no worst-case word is still in the snapshot's term cache.
 */
export function checkWarmQuerySequence(options: { samples: number; warmup: number }): void {
  const sequence = warmQuerySequence(options)
  const cached = lruHits(sequence, RESULT_CACHE_SIZE)
  if (cached.length > 0) {
    throw new Error(`warm queries: ${sequence[cached[0]!]} would come from the result cache`)
  }
  const terms = sequence.map((path) => new URL(path, 'http://x').searchParams.get('q') ?? '')
  const worstHit = lruHits(terms, TERM_CACHE_SIZE).find((at) => at % 2 === 1)
  if (worstHit !== undefined) {
    throw new Error(`warm queries: worst-case word "${terms[worstHit]}" would be in the term cache`)
  }
}

export interface WarmQueryResult {
  count: number
  health: number[]
  /** The typical mix (search words repeat). */
  query: number[]
  /** The worst case: every search word new to the term cache. */
  worst: number[]
  /** Median number of matches (`total`) of the measured queries, to show they are not trivial. */
  medianTotal: number
}

/**
 * Sequential requests over one keep-alive connection: `/api/health`, a typical query and a
 * worst-case query taking turns (so all see the same machine), after a warm-up of each. The list
 * must already be cached; no query's result may be (checkWarmQuerySequence).
 */
export async function measureWarmQueries(
  baseUrl: string,
  count: number,
  options: { samples: number; warmup: number },
): Promise<WarmQueryResult> {
  checkWarmQuerySequence(options)
  const agent = keepAliveAgent()
  try {
    for (let k = 0; k < options.warmup; k++) {
      await getOk(`${baseUrl}/api/health`, agent)
      await getOk(baseUrl + listQuery(k, 'typical'), agent)
      await getOk(baseUrl + listQuery(k, 'worst'), agent)
    }
    const health: number[] = []
    const query: number[] = []
    const worst: number[] = []
    const totals: number[] = []
    for (let k = 0; k < options.samples; k++) {
      health.push((await getOk(`${baseUrl}/api/health`, agent)).ms)
      const res = await getOk(baseUrl + listQuery(options.warmup + k, 'typical'), agent)
      query.push(res.ms)
      totals.push((JSON.parse(res.body) as { total: number }).total)
      worst.push((await getOk(baseUrl + listQuery(options.warmup + k, 'worst'), agent)).ms)
    }
    return { count, health, query, worst, medianTotal: percentile(totals, 50) }
  } finally {
    agent.destroy()
  }
}

export function warmQueryRows(r: WarmQueryResult, goalRatio?: number): GoalRow[] {
  const p = (xs: number[], q: number) => percentile(xs, q)
  const area = '2 warm query'
  const size = `${int(r.count)} images`
  const row = (label: string, xs: number[], q: number, goal?: number): GoalRow => {
    const value = p(xs, q) / p(r.health, q)
    return {
      area,
      metric: `${size}, ${label}: p${q} query ÷ p${q} health (${ms(p(xs, q), 2)} ÷ ${ms(p(r.health, q), 2)})`,
      measured: ratio(value),
      goal: goal ? `≤ ${goal}×` : 'report',
      status: goal ? verdict(value <= goal) : 'INFO',
    }
  }
  return [
    row('typical mix', r.query, 50, goalRatio),
    row('typical mix', r.query, 99),
    row('worst case (term cache never hits)', r.worst, 50),
    row('worst case (term cache never hits)', r.worst, 99),
  ]
}

export function warmQueryDetail(r: WarmQueryResult): string[] {
  const f = (xs: number[], q: number) => percentile(xs, q).toFixed(2)
  const line = (label: string, xs: number[]) =>
    `| ${int(r.count)} | ${label} | ${xs.length} | ${f(xs, 50)} | ${f(xs, 90)} | ${f(xs, 99)} | ${f(xs, 100)} | ` +
    `${ratio(percentile(xs, 50) / percentile(r.health, 50))} | ${ratio(percentile(xs, 99) / percentile(r.health, 99))} |`
  return [
    line('`/api/health`', r.health),
    line('typical mix', r.query),
    line('worst case', r.worst),
  ]
}

export const WARM_QUERY_TABLE_HEAD = [
  '| images | request | samples | p50 ms | p90 ms | p99 ms | max ms | p50 ÷ health p50 | p99 ÷ health p99 |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
]
