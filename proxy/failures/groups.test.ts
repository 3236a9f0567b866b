import { describe, expect, it } from 'vitest'
import type { Image } from '../contract/api'
import { groupFailures } from './groups'
import { REASONS, traceback } from './reasons.fixture'

const image = (id: string, reason: string | null, time: number | null): Image =>
  ({
    CompShareImageId: id,
    Name: `Image ${id}`,
    VersionName: 'v1.0',
    CreateTime: time,
    FailedReason: reason,
    Status: 'UnAvailable',
  }) as Image

describe('groupFailures', () => {
  const images = [
    image('a', traceback('/root/a', 10, '2.00 GiB', '1 GiB'), 100),
    image('b', traceback('/srv/b', 99, '8.00 GiB', '3 GiB'), 300),
    image('c', REASONS.diskFullZh, 200),
    image('d', REASONS.reviewZhLicence, 50),
    image('e', REASONS.reviewZhLicence, null),
    image('f', '', 400),
    image('g', '   \n ', 500),
    image('h', null, 600),
  ]

  it('groups by signature, largest first, then the most recent, and skips blank reasons', () => {
    const groups = groupFailures(images)
    expect(groups.map((g) => [g.count, g.images.map((i) => i.CompShareImageId)])).toEqual([
      [2, ['b', 'a']],
      [2, ['d', 'e']],
      [1, ['c']],
    ])
  })

  it("takes the newest image's reason as the example, its summary and hint", () => {
    const [oom, review] = groupFailures(images)
    expect(oom!.reason).toBe(images[1]!.FailedReason)
    expect(oom!.summary).toMatch(/^torch\.cuda\.OutOfMemoryError: .*Tried to allocate 8\.00 GiB/)
    expect(oom!.latest).toBe(300)
    expect(oom!.hint?.en).toMatch(/out of memory/)
    // An image without a CreateTime sorts last and does not set `latest`.
    expect(review!.latest).toBe(50)
    expect(review!.images[1]).toEqual({
      CompShareImageId: 'e',
      Name: 'Image e',
      VersionName: 'v1.0',
      CreateTime: null,
    })
  })

  it('works out each distinct reason once, through the cache it is given', () => {
    const cache = new Map()
    groupFailures(images, cache)
    expect(cache.size).toBe(4)
    expect(groupFailures(images, cache)).toEqual(groupFailures(images))
  })
})
