import type { QueryIndex } from './query-index'
import { DEFAULT_ORDER, DEFAULT_SORT, queryImages, type ListQuery, type ListResult } from './query'
import { searchTerms } from './query-text'

/**
 * Results kept per snapshot. Each holds its page of row references (the rows themselves belong to
 * the snapshot) and its facet counts: a few kB, so 64 of them stay well under 1 MB even at
 * 100,000 images, while covering the views many users open at once.
 */
export const RESULT_CACHE_SIZE = 64

const caches = new WeakMap<QueryIndex, Map<string, ListResult>>()

/**
 * queryImages, with identical queries over one snapshot sharing one computed result: a shared link,
 * a default view many users open, the SPA's live refetch of the view on screen. Least recently
 * used first out; the cache goes with its snapshot's index. Results are frozen, as they are shared.
 */
export function cachedQuery(index: QueryIndex, query: ListQuery): ListResult {
  const known = peekResult(index, query)
  if (known) return known
  let cache = caches.get(index)
  if (!cache) caches.set(index, (cache = new Map()))
  const result = freeze(queryImages(index, query))
  cache.set(resultKey(query), result)
  if (cache.size > RESULT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return result
}

/** The shared result of this query, if one is held (it becomes the most recently used). */
export function peekResult(index: QueryIndex, query: ListQuery): ListResult | undefined {
  const cache = caches.get(index)
  if (!cache) return undefined
  const key = resultKey(query)
  const known = cache.get(key)
  if (known) {
    cache.delete(key)
    cache.set(key, known)
  }
  return known
}

/**
 * Equal for queries that must give equal results: the search text as the query layer reads it
 * (folded terms, order and repeats dropped) and the defaults spelt out. Lists keep their order,
 * which the facets' selected values follow.
 */
export function resultKey(query: ListQuery): string {
  return JSON.stringify([
    searchTerms(query.q).sort(),
    query.status ?? [],
    query.type ?? [],
    query.visibility ?? null,
    query.tag ?? [],
    query.gpu ?? [],
    query.framework ?? [],
    query.failed ?? false,
    query.sort ?? DEFAULT_SORT,
    query.order ?? DEFAULT_ORDER,
    query.offset,
    query.limit,
  ])
}

function freeze(result: ListResult): ListResult {
  Object.freeze(result.items)
  for (const counts of Object.values(result.facets)) Object.freeze(counts)
  Object.freeze(result.facets)
  return Object.freeze(result)
}
