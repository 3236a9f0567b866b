import type { ChildStack } from './lib/children'
import { getOk, keepAliveAgent } from './lib/http'
import { verdict, type GoalRow } from './lib/result'
import { int, mb, ms, sleep } from './lib/stats'

/** design issue: proxy RSS with 100,000 images cached. */
export const MEMORY_BUDGET_BYTES = 200 * 1024 * 1024

export interface ColdFetch {
  ms: number
  rssIdle: number
  rssAfterFetch: number
}

/** The proxy child's idle RSS, then its first (cold) list request and the RSS after it. */
export async function coldFetchThroughChild(stack: ChildStack): Promise<ColdFetch> {
  const rssIdle = stack.proxy.memory().rss
  const agent = keepAliveAgent()
  try {
    const res = await getOk(`${stack.proxy.url}/api/images?limit=20`, agent, 180_000)
    const { total } = JSON.parse(res.body) as { total: number }
    if (total !== stack.count)
      throw new Error(`the proxy holds ${total} images, expected ${stack.count}`)
    return { ms: res.ms, rssIdle, rssAfterFetch: stack.proxy.memory().rss }
  } finally {
    agent.destroy()
  }
}

export interface MemoryResult extends ColdFetch {
  count: number
  /** After the warm queries and `settleMs` without requests. */
  rssSettled: number
  settleMs: number
  /** VmHWM: the most the process ever held. */
  peak: number
}

export async function settledMemory(
  stack: ChildStack,
  cold: ColdFetch,
  settleMs: number,
): Promise<MemoryResult> {
  await sleep(settleMs)
  const { rss, peak } = stack.proxy.memory()
  return { ...cold, count: stack.count, rssSettled: rss, settleMs, peak }
}

export function memoryRows(r: MemoryResult): GoalRow[] {
  return [
    {
      area: '3 memory',
      metric: `proxy RSS, ${int(r.count)} images cached (after queries + ${r.settleMs / 1000} s idle; peak VmHWM ${mb(r.peak)})`,
      measured: mb(r.rssSettled),
      goal: `≤ ${mb(MEMORY_BUDGET_BYTES)}`,
      status: verdict(r.rssSettled <= MEMORY_BUDGET_BYTES),
    },
  ]
}

export function memoryDetail(r: MemoryResult): string[] {
  return [
    `| images | proxy RSS idle (no list) | after the cold fetch | after queries + ${r.settleMs / 1000} s idle | peak (VmHWM) | cold fetch |`,
    '|---:|---:|---:|---:|---:|---:|',
    `| ${int(r.count)} | ${mb(r.rssIdle)} | ${mb(r.rssAfterFetch)} | ${mb(r.rssSettled)} | ${mb(r.peak)} | ${ms(r.ms, 0)} |`,
  ]
}
