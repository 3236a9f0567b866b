import { beforeEach, describe, expect, it } from 'vitest'
import { runFair, SLICE_MS } from './fair-turn'

function busyFor(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until);
}

/** `count` requests arriving together in one turn, each with `ms` of CPU work. */
async function burst(count: number, ms: number, fair: boolean) {
  const done: number[] = []
  // A timer due at once stands for everything the loop does between turns (polling, accepting).
  const timer = new Promise<number>((resolve) => setTimeout(() => resolve(done.length), 0))
  const work = (k: number) => () => {
    busyFor(ms)
    done.push(k)
    return k
  }
  const results = await Promise.all(
    Array.from({ length: count }, (_, k) => (fair ? runFair(work(k)) : work(k)())),
  )
  return { done, results, doneWhenTimerFired: await timer }
}

describe('runFair', () => {
  // Each test starts in a fresh turn, not in the slice a previous one left running.
  beforeEach(() => new Promise((resolve) => setImmediate(resolve)))

  it('lets the loop turn between slices of heavy work, in arrival order', async () => {
    const { done, results, doneWhenTimerFired } = await burst(20, SLICE_MS / 2, true)
    expect(doneWhenTimerFired).toBeGreaterThan(0)
    expect(doneWhenTimerFired).toBeLessThanOrEqual(6)
    expect(done).toEqual(Array.from({ length: 20 }, (_, k) => k))
    expect(results).toEqual(done)
  })

  it('without it, the whole burst runs in one turn', async () => {
    const { doneWhenTimerFired } = await burst(20, SLICE_MS / 2, false)
    expect(doneWhenTimerFired).toBe(20)
  })

  it('runs at once while the slice lasts, and passes errors on', async () => {
    let ran = false
    const result = runFair(() => (ran = true))
    expect(ran).toBe(true)
    await expect(result).resolves.toBe(true)
    await expect(
      runFair(() => {
        throw new RangeError('bad')
      }),
    ).rejects.toThrow('bad')
  })
})
