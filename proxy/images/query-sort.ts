import type { Image, SortField, SortOrder } from '../contract/api'
import { textValue, type QueryIndex } from './query-index'

/**
 * Collation for every string the list sorts: Chinese in pinyin order, and digit runs compared as
 * numbers so CUDA `12.10` follows `12.4`.
 */
export const collator = new Intl.Collator('zh-CN', { numeric: true })

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

/**
 * The image positions in sorted order: nulls (missing, blank or not a finite number) last in both
 * orders, ties in list order. Built once per snapshot, field and order.
 */
export function sortOrder(
  index: QueryIndex,
  field: SortField,
  order: SortOrder,
): readonly number[] {
  const cacheKey = `${field}:${order}`
  const cached = index.sorts.get(cacheKey)
  if (cached) return cached
  const rank = ranks(index.images, SORT_KEYS[field])
  const sign = order === 'asc' ? 1 : -1
  const sorted = index.images
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = rank[a]!
      const rb = rank[b]!
      if (ra === null || rb === null) return ra === rb ? a - b : ra === null ? 1 : -1
      return sign * (ra - rb) || a - b
    })
  index.sorts.set(cacheKey, sorted)
  return sorted
}

/** Each image's value as a number to compare: numbers as they are, text by collated rank. */
function ranks(images: readonly Image[], key: SortKey): (number | null)[] {
  if (key.kind === 'number') {
    return images.map((image) => {
      const value = key.get(image)
      return typeof value === 'number' && Number.isFinite(value) ? value : null
    })
  }
  const values = images.map((image) => textValue(key.get(image)))
  // The collator runs over distinct values only; values it finds equal share a rank.
  const distinct = [...new Set(values)].filter((v) => v !== null).sort(collator.compare)
  const rankOf = new Map<string, number>()
  distinct.forEach((value, k) => {
    const previous = distinct[k - 1]
    const same = previous !== undefined && collator.compare(previous, value) === 0
    rankOf.set(value, same ? rankOf.get(previous)! : k)
  })
  return values.map((value) => (value === null ? null : rankOf.get(value)!))
}
