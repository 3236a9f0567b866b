import { describe, expect, it } from 'vitest'
import { call, listImages, sandbox, SCOPE } from './test-support'

describe('DescribeCompShareCustomImages', () => {
  const { app } = sandbox()

  it('pages concatenate to the whole list without duplicates, newest first', async () => {
    const first = await listImages(app, { Limit: 100 })
    const all = [...first.ImageSet]
    for (let offset = 100; offset < first.TotalCount; offset += 100) {
      all.push(...(await listImages(app, { Offset: offset, Limit: 100 })).ImageSet)
    }
    const ids = all.map((image) => image.CompShareImageId)
    expect(ids).toHaveLength(240)
    expect(new Set(ids).size).toBe(240)
    const times = all.map((image) => image.CreateTime as number)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const again = await listImages(app, { Offset: 37, Limit: 13 })
    expect(again.ImageSet.map((i) => i.CompShareImageId)).toEqual(ids.slice(37, 50))
  })

  it('lists carry no Readme; a CompShareImageId query returns just that image with it', async () => {
    const list = await listImages(app, { Limit: 100 })
    expect(list.ImageSet.every((image) => !('Readme' in image))).toBe(true)
    const wanted = list.ImageSet[42]!
    const one = await listImages(app, { CompShareImageId: wanted.CompShareImageId as string })
    expect(one.TotalCount).toBe(1)
    expect(one.ImageSet).toHaveLength(1)
    expect(one.ImageSet[0]).toEqual({ ...wanted, Readme: expect.stringContaining('# ') })
  })

  it('an unknown id is an empty answer, not an error', async () => {
    const none = await listImages(app, { CompShareImageId: 'compshareImage-nonexist' })
    expect(none).toMatchObject({ RetCode: 0, TotalCount: 0, ImageSet: [] })
  })

  it('each zone and project has its own list; the default scope has the full count', async () => {
    const totals = new Map<string, number>()
    const firstIds = new Set<unknown>()
    for (const [Region, Zone, ProjectId] of [
      ['cn-wlcb', 'cn-wlcb-01', ''],
      ['cn-wlcb', 'cn-wlcb-02', ''],
      ['cn-sh2', 'cn-sh2-01', ''],
      ['cn-wlcb', 'cn-wlcb-01', 'org-ml-team'],
      ['cn-wlcb', 'cn-wlcb-01', 'org-demo'],
    ]) {
      const body = await call(app, 'DescribeCompShareCustomImages', { Region, Zone, ProjectId })
      totals.set(`${Zone}/${ProjectId}`, body.TotalCount as number)
      firstIds.add((body.ImageSet as { CompShareImageId: string }[])[0]?.CompShareImageId)
    }
    expect(totals.get('cn-wlcb-01/')).toBe(240)
    expect(totals.get('cn-wlcb-01/org-demo')).toBeLessThan(totals.get('cn-wlcb-01/org-ml-team')!)
    expect(totals.get('cn-sh2-01/')).toBeLessThan(totals.get('cn-wlcb-02/')!)
    expect(firstIds.size).toBe(5)
  })
})

describe('DescribeCompShareSupportZone', () => {
  const { app } = sandbox()

  it('lists zones typed as the Java SDK declares, optionally filtered by Region', async () => {
    const all = await call(app, 'DescribeCompShareSupportZone')
    expect(all).toMatchObject({ RetCode: 0, Action: 'DescribeCompShareSupportZoneResponse' })
    const zones = all.ZoneInfo as Record<string, unknown>[]
    expect(zones.length).toBeGreaterThanOrEqual(3)
    expect(zones).toContainEqual(
      expect.objectContaining({
        Region: 'cn-wlcb',
        Zone: 'cn-wlcb-01',
        RegionId: 3001,
        ZoneId: 10027,
      }),
    )
    for (const zone of zones) {
      expect(typeof zone.Describe).toBe('string')
      expect(Number.isInteger(zone.RegionId) && Number.isInteger(zone.ZoneId)).toBe(true)
      expect(typeof zone.IsPod).toBe('boolean')
    }
    const wlcb = await call(app, 'DescribeCompShareSupportZone', { Region: 'cn-wlcb' })
    expect((wlcb.ZoneInfo as { Region: string }[]).every((z) => z.Region === 'cn-wlcb')).toBe(true)
    expect(await call(app, 'DescribeCompShareSupportZone', { Region: 'mars-1' })).toMatchObject({
      ZoneInfo: [],
    })
  })
})

describe('GetCompShareImageCreateProgress', () => {
  const { app } = sandbox()
  const progress = (id: string) =>
    call(app, 'GetCompShareImageCreateProgress', { ...SCOPE, CompShareImageId: id })

  it('reports a finished image as 100 with nothing remaining', async () => {
    const list = await listImages(app, { Limit: 100 })
    const done = list.ImageSet.find((image) => image.Status === 'Available')!
    const body = await progress(done.CompShareImageId as string)
    expect(body).toMatchObject({ RetCode: 0, Process: 100, RemainingDuration: '0' })
    expect(body.TotalDuration).toMatch(/^\d+$/)
  })

  it('reports a Making image part-way, durations as strings of seconds', async () => {
    const list = await listImages(app)
    const making = list.ImageSet.find((image) => image.Status === 'Making')!
    const body = await progress(making.CompShareImageId as string)
    expect(body.Process).toBeGreaterThanOrEqual(0)
    expect(body.Process).toBeLessThan(100)
    expect(Number(body.RemainingDuration)).toBeGreaterThan(0)
    expect(Number(body.TotalDuration)).toBeGreaterThanOrEqual(Number(body.RemainingDuration))
  })

  it('needs CompShareImageId; an unknown image is 8039', async () => {
    expect(await call(app, 'GetCompShareImageCreateProgress', SCOPE)).toMatchObject({
      RetCode: 220,
      Message: 'Missing params [CompShareImageId]',
    })
    expect(await progress('compshareImage-nonexist')).toMatchObject({
      RetCode: 8039,
      Message: 'Image [compshareImage-nonexist] not found',
    })
  })
})
