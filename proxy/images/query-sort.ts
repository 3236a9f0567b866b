import type { Image, SortField, SortOrder } from '../contract/api'
import { collator, textValue, type QueryIndex } from './query-index'

interface SortKey {
  kind: 'number' | 'text'
  get: (image: Image) => unknown
}

/** What each `sort=` field compares (design.md §4; Framework and CUDAVersion live in Softwares). */
const SORT_KEYS: Readonly<Record<SortField, SortKey>> = {
  Name: { kind: 'text', get: (image) => image.Name },
  CompShareImageId: { kind: 'text', get: (image) => image.CompShareImageId },
  Status: { kind: 'text', get: (image) => image.Status },
  ImageType: { kind: 'text', get: (image) => image.ImageType },
  Visibility: { kind: 'number', get: (image) => image.Visibility },
  Framework: { kind: 'text', get: (image) => image.Softwares?.Framework },
  CUDAVersion: { kind: 'text', get: (image) => image.Softwares?.CUDAVersion },
  SourceGpuType: { kind: 'text', get: (image) => image.SourceGpuType },
  Size: { kind: 'number', get: (image) => image.Size },
  Price: { kind: 'number', get: (image) => image.Price },
  CreateTime: { kind: 'number', get: (image) => image.CreateTime },
  PubTime: { kind: 'number', get: (image) => image.PubTime },
  CreatedCount: { kind: 'number', get: (image) => image.CreatedCount },
  FavoritesCount: { kind: 'number', get: (image) => image.FavoritesCount },
  VersionName: { kind: 'text', get: (image) => image.VersionName },
  Author: { kind: 'text', get: (image) => image.Author },
}

/** A sort key's value, or null (missing, blank or not a finite number), which always sorts last. */
function sortValue(field: SortField, image: Image): string | number | null {
  const key = SORT_KEYS[field]
  const value = key.get(image)
  if (key.kind === 'text') return textValue(value)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * The image positions in sorted order: nulls last in both orders, ties in list order. Built once
 * per snapshot, field and order, then a query walks it and stops once its page is full.
 */
export function sortOrder(index: QueryIndex, field: SortField, order: SortOrder): Int32Array {
  const cacheKey = `${field}:${order}`
  const cached = index.sorts.get(cacheKey)
  if (cached) return cached
  const { ranks, distinct } = rankValues(index.images, field)
  const n = ranks.length
  // A stable counting sort by rank: linear, and equal ranks keep list order.
  const bucketOf = (i: number) => {
    const rank = ranks[i]!
    if (rank < 0) return distinct
    return order === 'asc' ? rank : distinct - 1 - rank
  }
  const next = new Int32Array(distinct + 2)
  for (let i = 0; i < n; i++) next[bucketOf(i) + 1]!++
  for (let b = 1; b < next.length; b++) next[b]! += next[b - 1]!
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[next[bucketOf(i)]!++] = i
  index.sorts.set(cacheKey, out)
  return out
}

/** Each image's dense rank among the field's distinct values (-1 for null). */
function rankValues(images: readonly Image[], field: SortField) {
  const values = images.map((image) => sortValue(field, image))
  return SORT_KEYS[field].kind === 'number'
    ? rankNumbers(values as (number | null)[])
    : rankTexts(values as (string | null)[])
}

function rankNumbers(values: readonly (number | null)[]) {
  // A typed array sorts numerically without a comparator call per step.
  const sorted = Float64Array.from(values.filter((v) => v !== null)).sort()
  let distinct = 0
  for (let k = 0; k < sorted.length; k++) {
    if (k === 0 || sorted[k] !== sorted[distinct - 1]) sorted[distinct++] = sorted[k]!
  }
  const ranks = new Int32Array(values.length)
  values.forEach((value, i) => {
    ranks[i] = value === null ? -1 : lowerBound(sorted, distinct, value)
  })
  return { ranks, distinct }
}

/** The first position in `sorted[0…length)` whose value is not below `value`. */
function lowerBound(sorted: Float64Array, length: number, value: number): number {
  let lo = 0
  let hi = length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function rankTexts(values: readonly (string | null)[]) {
  const unique = [...new Set(values.filter((v) => v !== null))]
  // The collator is the costly part: it runs over distinct values only, and a cheap code-unit
  // sort first leaves long runs in order, which roughly halves its comparisons.
  unique.sort().sort(collator.compare)
  const rankOf = new Map<string, number>()
  let rank = -1
  unique.forEach((value, k) => {
    if (k === 0 || collator.compare(unique[k - 1]!, value) !== 0) rank++
    rankOf.set(value, rank)
  })
  const ranks = Int32Array.from(values, (value) => (value === null ? -1 : rankOf.get(value)!))
  return { ranks, distinct: rank + 1 }
}
