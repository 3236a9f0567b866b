import { describe, expect, it } from 'vitest'
import { IMAGE_STATUSES } from '../contract/api'
import { generateImages, type SandboxImage } from './data'
import { HINT_CATALOG } from '../failures/hint-catalog'
import { matchHint } from '../failures/hints'
import { failureSignature } from '../failures/signature'
import { buildReadme } from './readmes'
import { T0 } from './test-support'

const INT_FIELDS = [
  'AuthInfo',
  'Size',
  'Visibility',
  'CreatedCount',
  'FavoritesCount',
  'CreateTime',
  'PubTime',
  'ImageUseTime',
] as const
const BOOL_FIELDS = ['IsOfficial', 'AutoStart', 'ImageCharge'] as const
const STRING_FIELDS = [
  'CompShareImageId',
  'Name',
  'Author',
  'ImageOwnerAlias',
  'ImageType',
  'Status',
  'Description',
  'Cover',
  'FailedReason',
  'GroupId',
  'VersionName',
  'VersionDesc',
  'SourceGpuType',
] as const

/** design.md §2: every field typed exactly as the official SDKs declare. */
function typeErrors(image: SandboxImage): string[] {
  const errors: string[] = []
  const fields = image as unknown as Record<string, unknown>
  for (const f of INT_FIELDS) if (!Number.isInteger(fields[f])) errors.push(f)
  for (const f of BOOL_FIELDS) if (typeof fields[f] !== 'boolean') errors.push(f)
  for (const f of STRING_FIELDS) if (typeof fields[f] !== 'string') errors.push(f)
  if (typeof image.Price !== 'number' || !Number.isFinite(image.Price)) errors.push('Price')
  if (image.Container !== 'True' && image.Container !== 'False') errors.push('Container')
  if (![0, 1].includes(image.Visibility)) errors.push('Visibility value')
  if (!Array.isArray(image.Tags) || !image.Tags.every((t) => typeof t === 'string'))
    errors.push('Tags')
  const sw = image.Softwares
  if (![sw.Framework, sw.FrameworkVersion, sw.CUDAVersion].every((v) => typeof v === 'string'))
    errors.push('Softwares')
  if (!sw.Applications.every((a) => typeof a === 'string')) errors.push('Applications')
  if (typeof image.Owner.AccountId !== 'string' || typeof image.Owner.AccountName !== 'string')
    errors.push('Owner')
  if ('Readme' in image) errors.push('Readme in a list')
  return errors
}

// Map.groupBy needs Node 21; the project supports Node 20.
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

describe('generated images', () => {
  const images = generateImages({ seed: 7, count: 240, now: T0 })

  it('has the requested count, unique ids in the CompShare style', () => {
    expect(images).toHaveLength(240)
    expect(new Set(images.map((i) => i.CompShareImageId)).size).toBe(240)
    for (const image of images)
      expect(image.CompShareImageId).toMatch(/^compshareImage-[a-z0-9]{8}$/)
  })

  it('types every field exactly as declared, across a large set', () => {
    for (const image of [...images, ...generateImages({ seed: 99, count: 5000, now: T0 })]) {
      expect(typeErrors(image), image.CompShareImageId).toEqual([])
    }
  })

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateImages({ seed: 7, count: 240, now: T0 })).toEqual(images)
    expect(generateImages({ seed: 8, count: 240, now: T0 })[0]).not.toEqual(images[0])
  })

  it('holds every status, mostly Available; failed builds say why', () => {
    const byStatus = groupBy(images, (i) => i.Status)
    for (const status of IMAGE_STATUSES)
      expect(byStatus.get(status)?.length, status).toBeGreaterThan(0)
    expect(byStatus.get('Available')!.length).toBeGreaterThan(images.length / 2)
    for (const failed of byStatus.get('UnAvailable')!)
      expect(failed.FailedReason.length).toBeGreaterThan(5)
    for (const ok of byStatus.get('Available')!) expect(ok.FailedReason).toBe('')
    const reasons = byStatus
      .get('UnAvailable')!
      .map((i) => i.FailedReason)
      .join('\n')
    expect(reasons).toMatch(/[\u4e00-\u9fff]/)
    expect(reasons).toMatch(/[a-z]{4} [a-z]{2}/)
  })

  it('groups versions into GroupId families with distinct VersionNames', () => {
    const families = [...groupBy(images, (i) => i.GroupId).values()].filter((f) => f.length > 1)
    expect(families.length).toBeGreaterThanOrEqual(5)
    for (const family of families) {
      expect(family.length).toBeLessThanOrEqual(4)
      expect(new Set(family.map((i) => i.VersionName)).size).toBe(family.length)
      expect(new Set(family.map((i) => i.Name)).size).toBe(1)
      for (const image of family) expect(image.VersionName).toMatch(/^v\d+\.\d+$/)
    }
  })

  it('mixes languages, types, GPUs, frameworks and a few paid images', () => {
    expect(images.some((i) => /[\u4e00-\u9fff]/.test(i.Name))).toBe(true)
    expect(images.some((i) => /^[\x20-\x7e]+$/.test(i.Name))).toBe(true)
    expect(new Set(images.map((i) => i.SourceGpuType)).size).toBeGreaterThanOrEqual(8)
    expect(new Set(images.map((i) => i.Softwares.Framework)).size).toBeGreaterThanOrEqual(7)
    const paid = images.filter((i) => i.ImageCharge)
    expect(paid.length).toBeGreaterThan(0)
    expect(paid.length).toBeLessThan(images.length / 5)
    for (const image of paid) expect(image.Price).toBeGreaterThan(0)
    for (const image of images.filter((i) => i.Cover)) expect(image.Cover).toMatch(/^https:\/\//)
  })

  it("looks like one account's own images (design.md §5)", () => {
    expect(new Set(images.map((i) => i.ImageType))).toEqual(new Set(['Custom']))
    const owners = new Set(images.map((i) => JSON.stringify(i.Owner)))
    expect(owners.size).toBe(1)
    const owner = images[0]!.Owner
    for (const image of images) expect(image.Author).toBe(owner.AccountName)
    // IsOfficial: built from an official base image, as most are; the source alias agrees.
    const official = images.filter((i) => i.IsOfficial).length
    expect(official).toBeGreaterThan(images.length / 2)
    expect(official).toBeLessThan(images.length)
    for (const image of images)
      expect(image.ImageOwnerAlias).toBe(image.IsOfficial ? 'Official' : 'Community')
    // Some are published to the image community, still as the account's Custom images.
    expect(images.some((i) => i.Visibility === 1)).toBe(true)
  })

  it('fails builds for every catalogued cause, with variants of one cause, and a few unknown', () => {
    const reasons = images.filter((i) => i.Status === 'UnAvailable').map((i) => i.FailedReason)
    const causes = reasons.map((r) => matchHint(r)?.id ?? null)
    for (const entry of HINT_CATALOG) expect(causes, entry.id).toContain(entry.id)
    expect(causes.filter((c) => c === null).length).toBeGreaterThanOrEqual(2)
    // Variants: the same cause in different words (sizes, ids, frames) shares a signature.
    const byKey = groupBy(reasons, (r) => failureSignature(r).key)
    const varied = [...byKey.values()].filter((g) => new Set(g).size > 1)
    expect(varied.length).toBeGreaterThanOrEqual(4)
    expect(byKey.size).toBeLessThan(reasons.length)
    expect(reasons.some((r) => r.startsWith('Traceback (most recent call last):'))).toBe(true)
  })

  it('readmes have headings, a GFM table, fenced code, a link and an image', () => {
    for (const image of images.slice(0, 60)) {
      const readme = buildReadme(image)
      expect(readme).toMatch(/^# /m)
      expect(readme).toMatch(/^\| .+ \|\n\| --- \| --- \|$/m)
      expect(readme).toMatch(/^```bash\n[\s\S]+?\n```$/m)
      expect(readme).toMatch(/^```python\n[\s\S]+?\n```$/m)
      expect(readme).toMatch(/[^!]\[[^\]]+\]\(https:\/\/[^)]+\)/)
      expect(readme).toMatch(/!\[[^\]]*\]\(https:\/\/[^)]+\)/)
      expect(readme).toMatch(/^- /m)
    }
  })

  it('generates 100k images quickly, without readmes', () => {
    const started = performance.now()
    const big = generateImages({ seed: 1, count: 100_000, now: T0 })
    const ms = performance.now() - started
    expect(big).toHaveLength(100_000)
    expect(big.some((i) => 'Readme' in i)).toBe(false)
    expect(ms).toBeLessThan(4000) // ~1 s on a laptop; generous for a loaded CI runner
  })
})
