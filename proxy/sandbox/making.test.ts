import { describe, expect, it } from 'vitest'
import { call, listImages, sandbox, SCOPE } from './test-support'

const MINUTE = 60_000

describe('Making images advance with the clock', () => {
  it('progress grows, short builds finish as Available or UnAvailable, long ones keep going', async () => {
    const { app, clock } = sandbox()
    const making = (await listImages(app, { Limit: 100 })).ImageSet.filter(
      (i) => i.Status === 'Making',
    )
    expect(making.length).toBeGreaterThanOrEqual(2)
    const ids = making.map((i) => i.CompShareImageId as string)
    const progress = (id: string) =>
      call(app, 'GetCompShareImageCreateProgress', { ...SCOPE, CompShareImageId: id })
    const statusOf = async (id: string) =>
      (await listImages(app, { CompShareImageId: id })).ImageSet[0]!

    const before = await Promise.all(ids.map(progress))
    clock.advance(MINUTE)
    const after = await Promise.all(ids.map(progress))
    for (const [i, p] of after.entries()) {
      expect(p.Process as number).toBeGreaterThan(before[i]!.Process as number)
      expect(Number(p.RemainingDuration)).toBeLessThan(Number(before[i]!.RemainingDuration))
    }

    // Every short build (≤ 10 min) is over after 12 minutes; the long ones run past an hour.
    clock.advance(11 * MINUTE)
    const outcomes = await Promise.all(ids.map(statusOf))
    const finished = outcomes.filter((i) => i.Status !== 'Making')
    expect(finished.length).toBe(ids.length - 2)
    for (const image of finished) {
      expect(['Available', 'UnAvailable']).toContain(image.Status)
      expect(Boolean(image.FailedReason)).toBe(image.Status === 'UnAvailable')
      const p = await progress(image.CompShareImageId as string)
      expect(p).toMatchObject({ Process: 100, RemainingDuration: '0' })
    }
    clock.advance(48 * MINUTE)
    const stillMaking = (await Promise.all(ids.map(statusOf))).filter((i) => i.Status === 'Making')
    expect(stillMaking).toHaveLength(2)
    // The list shows the same state as the single-image query.
    const listed = (await listImages(app, { Limit: 100 })).ImageSet
    expect(listed.filter((i) => i.Status === 'Making')).toHaveLength(2)
  })

  it('finishes deterministically: two sandboxes with the same seed agree', async () => {
    const a = sandbox()
    const b = sandbox()
    a.clock.advance(15 * MINUTE)
    b.clock.advance(15 * MINUTE)
    const first = await listImages(a.app, { Limit: 30 })
    expect(await listImages(b.app, { Limit: 30 })).toEqual(first)
  })
})
