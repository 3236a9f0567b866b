import { describe, expect, it } from 'vitest'
import { SORT_FIELDS, type FacetName, type Image, type SortField } from '../contract/api'
import { failureSignature } from '../failures/signature'
import { buildIndex, queryImages, filterImages, type ListQuery } from './query'
import { randomImages, seededRandom } from './test-images'

const fold = (text: string) => text.normalize('NFKC').toLowerCase()
const blankless = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value : null
/** Each field folded on its own, one per line, so a term cannot span two of them. */
const searchable = (image: Image) =>
  [
    image.Name,
    image.CompShareImageId,
    image.Description,
    image.Author,
    image.FailedReason,
    image.VersionName,
    image.GroupId,
    image.Softwares?.Framework,
    image.SourceGpuType,
    ...(image.Tags ?? []),
  ]
    .filter((field) => typeof field === 'string')
    .map(fold)
    .join('\n')

/** What the naive query derives per image, the obvious way (design.md §4). */
function derive(images: readonly Image[]) {
  const reasonKey = new Map(
    images.map((image) => {
      const reason = blankless(image.FailedReason)
      return [image, reason === null ? null : failureSignature(reason).key] as const
    }),
  )
  const latest = new Set(
    images.filter((image) => {
      const group = blankless(image.GroupId)
      if (group === null) return true
      const family = images.filter((other) => blankless(other.GroupId) === group)
      const time = (other: Image) => other.CreateTime ?? -Infinity
      const newest = Math.max(...family.map(time))
      return family.find((other) => time(other) === newest) === image
    }),
  )
  return { text: new Map(images.map((image) => [image, searchable(image)])), reasonKey, latest }
}

/** The obvious implementation, written from design.md §4 alone: filter, sort, count. */
function naiveQuery(
  images: readonly Image[],
  derived: ReturnType<typeof derive>,
  query: ListQuery,
) {
  const collator = new Intl.Collator('zh-CN', { numeric: true })
  const terms = fold(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean)
  const base = images.filter(
    (image) =>
      terms.every((term) => derived.text.get(image)!.includes(term)) &&
      (!query.failed || blankless(image.FailedReason) !== null) &&
      (!query.reason || derived.reasonKey.get(image) === query.reason) &&
      (!query.latest || derived.latest.has(image)),
  )
  const value: Record<Exclude<FacetName, 'tags'>, (image: Image) => string | null> = {
    status: (image) => blankless(image.Status),
    type: (image) => blankless(image.ImageType),
    visibility: (image) =>
      image.Visibility === 0 ? 'private' : image.Visibility === 1 ? 'public' : null,
    gpu: (image) => blankless(image.SourceGpuType),
    framework: (image) => blankless(image.Softwares?.Framework),
  }
  const wanted: Record<FacetName, string[]> = {
    status: query.status ?? [],
    type: query.type ?? [],
    visibility: query.visibility ? [query.visibility] : [],
    gpu: query.gpu ?? [],
    framework: query.framework ?? [],
    tags: query.tag ?? [],
  }
  const tagsOf = (image: Image) =>
    [...new Set((image.Tags ?? []).map(blankless))].filter((t) => t !== null)
  const passes = (facet: FacetName, image: Image) => {
    if (wanted[facet].length === 0) return true
    if (facet === 'tags') return wanted.tags.every((tag) => tagsOf(image).includes(tag))
    const own = value[facet](image)
    return own !== null && wanted[facet].includes(own)
  }
  const facetNames = Object.keys(wanted) as FacetName[]
  const list = base.filter((image) => facetNames.every((facet) => passes(facet, image)))

  const field: SortField = query.sort ?? 'CreateTime'
  const sign = (query.order ?? 'desc') === 'asc' ? 1 : -1
  const key = (image: Image): string | number | null => {
    const raw =
      {
        Framework: image.Softwares?.Framework,
        CUDAVersion: image.Softwares?.CUDAVersion,
      }[field as string] ?? image[field]
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null
    return blankless(raw)
  }
  const position = new Map(images.map((image, i) => [image, i]))
  const sorted = [...list].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)]
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1
    } else {
      const c = typeof ka === 'number' ? ka - (kb as number) : collator.compare(ka, kb as string)
      if (c !== 0) return sign * c
    }
    return position.get(a)! - position.get(b)!
  })

  const facets = {} as Record<FacetName, Record<string, number>>
  for (const facet of facetNames) {
    const counts = new Map<string, number>()
    for (const image of base) {
      if (!facetNames.every((other) => other === facet || passes(other, image))) continue
      const values = facet === 'tags' ? tagsOf(image) : [value[facet](image)]
      for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    for (const v of wanted[facet]) if (!counts.has(v)) counts.set(v, 0)
    facets[facet] = Object.fromEntries(counts)
  }
  const offset = Math.max(0, query.offset)
  return { items: sorted.slice(offset, offset + query.limit), total: list.length, facets, sorted }
}

/** 2,000 generated images plus the awkward values real data has. */
function corpus(): Image[] {
  const images = randomImages(2000, 42)
  const odd: Partial<Image>[] = [
    { Name: '', Status: '  ', Tags: ['LLM', 'LLM', ''] },
    { Name: 'ＦＵＬＬ　ｗｉｄｔｈ 镜像', Visibility: 2, Size: -0 },
    { Name: 'Σίσυφος', Price: Number.NaN, Softwares: null },
    { Name: 'img 10', CompShareImageId: 'dup', Tags: ['__proto__', 'constructor'] },
    { Name: 'img 9', CompShareImageId: 'dup', FailedReason: ' ' },
    // Two versions of one family made at the same time: the first in the list is the newest.
    { GroupId: 'grp-tie', CreateTime: 1_800_000_000 },
    { GroupId: 'grp-tie', CreateTime: 1_800_000_000 },
    { GroupId: ' ', CreateTime: null },
  ]
  odd.forEach((fields, k) => Object.assign(images[k * 97]!, fields))
  return images
}

function randomQuery(random: () => number, reasons: readonly string[]): ListQuery {
  const some = (values: readonly string[], p = 0.3) =>
    random() < p ? values.filter(() => random() < 0.4) : undefined
  const qs = [
    '',
    'pytorch',
    'PyTorch 镜像',
    '镜像',
    '学习',
    'ｇｐｕ',
    'gpu',
    'cs-1',
    'cs-12',
    'cs-123',
    'a',
    'llm 推理',
    'disk',
    '磁盘',
    'alice',
    'ＣＡＲＯＬ',
    'v2.1',
    'grp-1',
    'nothing-matches',
    'l',
    'll',
    'img 1',
    'σίσυφος',
    'full width',
    '张',
    'stable diffusion',
  ]
  return {
    q: random() < 0.6 ? qs[Math.floor(random() * qs.length)] : undefined,
    status: some(['Making', 'Available', 'UnAvailable', 'Reviewing', 'Offline', 'Bogus']),
    type: some(['System', 'App', 'Custom', 'Community']),
    visibility: random() < 0.2 ? (random() < 0.5 ? 'private' : 'public') : undefined,
    tag: some(['LLM', '推理', 'training', 'SD', '中文', '__proto__', 'missing'], 0.25),
    gpu: some(['RTX 4090', 'A100', 'H100', 'RTX 3090', 'L40S']),
    framework: some(['PyTorch', 'TensorFlow', 'vLLM', 'ComfyUI', 'JAX']),
    failed: random() < 0.15 ? true : undefined,
    reason: random() < 0.1 ? [...reasons, 'abcdef123456'][Math.floor(random() * 4)] : undefined,
    latest: random() < 0.2 ? true : undefined,
    sort: random() < 0.8 ? SORT_FIELDS[Math.floor(random() * SORT_FIELDS.length)] : undefined,
    order: random() < 0.8 ? (random() < 0.5 ? 'asc' : 'desc') : undefined,
    offset: random() < 0.7 ? 0 : Math.floor(random() * 600),
    limit: [10, 20, 50, 100][Math.floor(random() * 4)]!,
  }
}

describe('queryImages against a naive reference', () => {
  const images = corpus()
  const index = buildIndex(images)
  const derived = derive(images)
  const reasons = [...new Set(derived.reasonKey.values())].filter((k) => k !== null).slice(0, 3)
  const position = new Map(images.map((image, i) => [image, i]))
  const positions = (list: readonly Image[]) => list.map((image) => position.get(image))

  // The naive side sorts with the collator on every query: seconds, not milliseconds.
  it('agrees on items, totals and facets for 200 random queries', { timeout: 30_000 }, () => {
    const random = seededRandom(7)
    let nonEmpty = 0
    for (let run = 0; run < 200; run++) {
      const query = randomQuery(random, reasons)
      const expected = naiveQuery(images, derived, query)
      const actual = queryImages(index, query)
      const context = JSON.stringify(query)
      expect(actual.total, context).toBe(expected.total)
      // "Failed only (n)": what the same query with failed=1 totals, the naive way.
      expect(actual.failedTotal, context).toBe(
        naiveQuery(images, derived, { ...query, failed: true }).total,
      )
      if (actual.items.length > 0) nonEmpty++
      expect(positions(actual.items), context).toEqual(positions(expected.items))
      expect(JSON.parse(JSON.stringify(actual.facets)), context).toEqual(expected.facets)
      if (run % 10 === 0) {
        expect(positions(filterImages(index, query)), context).toEqual(positions(expected.sorted))
      }
    }
    // The generator must keep producing queries that find something, or the check proves little.
    expect(nonEmpty).toBeGreaterThan(60)
  })
})
