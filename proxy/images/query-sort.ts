import type { Image, SortField, SortOrder } from '../contract'
import { collator, textValue, type QueryIndex } from './query-index'

interface SortKey {
  kind: 'number' | 'text'
  get: (image: Image) => unknown
}

/** What each `sort=` field compares (design.md §4; Framework and CUDAVersion live in Softwares). */
export const SORT_KEYS: Readonly<Record<SortField, SortKey>> = {
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
export function sortValue(field: SortField, image: Image): string | number | null {
  const key = SORT_KEYS[field]
  const value = key.get(image)
  if (key.kind === 'text') return textValue(value)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Compares two non-null sort values of one field. */
export function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' ? a - (b as number) : collator.compare(a, b as string)
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
  const unique = [...new Set(values.filter((v) => v !== null))]
  // The collator is the costly part, so it runs over distinct values only.
  unique.sort(compareValues)
  const rankOf = new Map<string | number, number>()
  let rank = -1
  unique.forEach((value, k) => {
    if (k === 0 || compareValues(unique[k - 1]!, value) !== 0) rank++
    rankOf.set(value, rank)
  })
  const ranks = new Int32Array(values.length)
  values.forEach((value, i) => (ranks[i] = value === null ? -1 : rankOf.get(value)!))
  return { ranks, distinct: rank + 1 }
}
