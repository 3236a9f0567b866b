import { describe, expect, it } from 'vitest'
import { boundOldGeneration, growthWatch } from './heap'

/** Feeds `readings` to a watch (one `check()` each) and returns the indexes where it started a GC. */
function startsFor(readings: number[], growth = 30): number[] {
  let at = -1
  const started: number[] = []
  const watch = growthWatch(
    growth,
    () => readings[at]!,
    () => started.push(at),
  )
  for (at = 0; at < readings.length; at++) watch.check()
  return started
}

describe('growthWatch', () => {
  it('starts a collection once use has grown past the lowest seen, then takes the new low', () => {
    // 90 is the low and 121 is 31 over it. The next look (160, still marking) only takes a new
    // low, 95 then lowers it, and 120 and 124 are within 30 of that.
    expect(startsFor([100, 90, 110, 119, 121, 160, 95, 120, 124])).toEqual([4])
  })

  it('a falling use lowers the baseline', () => {
    expect(startsFor([100, 60, 95])).toEqual([2])
  })
})

describe('boundOldGeneration', () => {
  it('runs on a timer that keeps no process alive, and stops', () => {
    const stop = boundOldGeneration(1, 5)
    expect(typeof stop).toBe('function')
    stop()
  })
})
