import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FailureListResponse, ImageListResponse } from '../contract/api'
import { failureSignature } from '../failures/signature'
import { startStack, type Stack } from '../test/stack'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack.close())

const failures = async (query = ''): Promise<FailureListResponse> => {
  const res = await stack.get(`/api/failures${query}`)
  expect(res.status).toBe(200)
  return res.body as FailureListResponse
}

describe('GET /api/failures over the sandbox', () => {
  it('groups every failed image once, largest group first, each group one cause', async () => {
    const body = await failures()
    const list = (await stack.get('/api/images?failed=1&limit=100')).body as ImageListResponse
    expect(body.total).toBe(list.total)
    expect(body.groups.reduce((n, g) => n + g.images.length, 0)).toBe(list.total)
    const counts = body.groups.map((g) => g.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    // The sandbox's variants (sizes, ids, frames) collapse: fewer groups than failed images.
    expect(body.groups.length).toBeLessThan(body.total)
    expect(body.groups.some((g) => g.count > 1)).toBe(true)

    const reasons = new Map(list.items.map((i) => [i.CompShareImageId, i.FailedReason!]))
    for (const group of body.groups) {
      expect(group.key).toMatch(/^[0-9a-f]{12}$/)
      expect(group.count).toBe(group.images.length)
      expect(group.latest).toBe(group.images[0]!.CreateTime)
      for (const image of group.images) {
        expect(failureSignature(reasons.get(image.CompShareImageId!)!).key).toBe(group.key)
        expect(Object.keys(image).sort()).toEqual(
          ['CompShareImageId', 'CreateTime', 'Name', 'VersionName'].sort(),
        )
      }
      const times = group.images.map((i) => i.CreateTime!)
      expect(times).toEqual([...times].sort((a, b) => b - a))
      expect(group.reason).toBe(reasons.get(group.images[0]!.CompShareImageId!))
      expect(group.summary.length).toBeGreaterThan(0)
    }
  })

  it('gives known causes a hint in both languages and unknown ones null', async () => {
    const { groups } = await failures()
    const withHint = groups.filter((g) => g.hint)
    expect(withHint.length).toBeGreaterThanOrEqual(8)
    for (const { hint } of withHint) {
      expect(hint).toMatchObject({ zh: expect.any(String), en: expect.any(String) })
    }
    expect(groups.some((g) => g.hint === null)).toBe(true)
    const oom = groups.find((g) => g.summary.includes('CUDA out of memory'))
    expect(oom?.hint?.docs).toMatch(/^https:\/\//)
    expect(oom?.reason).toContain('Traceback (most recent call last):')
  })

  it("applies the list's filters and the same keys as the list's reason=", async () => {
    const all = await failures()
    const zh = await failures(`?q=${encodeURIComponent('审核')}`)
    expect(zh.total).toBeGreaterThan(0)
    expect(zh.total).toBeLessThan(all.total)
    for (const group of zh.groups) {
      expect(all.groups.map((g) => g.key)).toContain(group.key)
    }
    expect((await failures('?status=Available')).groups).toEqual([])
    expect((await stack.get('/api/failures?status=Nope')).status).toBe(400)
  })

  it('keeps keys across a restart of the proxy and the sandbox', async () => {
    const before = (await failures()).groups.map((g) => [g.key, g.count])
    const other = await startStack()
    try {
      const after = ((await other.get('/api/failures')).body as FailureListResponse).groups
      expect(after.map((g) => [g.key, g.count])).toEqual(before)
    } finally {
      await other.close()
    }
  })
})
