import {
  SORT_FIELDS,
  type FacetName,
  type Image,
  type SortField,
  type SortOrder,
} from '../contract/api'
import { SELECTED, SINGLE_FACETS, type FacetColumn, type QueryIndex } from './query-index'
import { selectImages, selectedValues, type FacetCodeCounts } from './query-select'
import { sortOrder } from './query-sort'

export { buildIndex, type QueryIndex } from './query-index'

/**
 * `/api/images` parameters, parsed (design.md §4). An empty array is no filter; list filters
 * match any of their values except `tag`, where every listed tag must be present.
 */
export interface ListQuery {
  /** Free text: whitespace-separated terms, all must match (case-, width-insensitive substring). */
  q?: string
  status?: string[]
  type?: string[]
  visibility?: 'private' | 'public'
  tag?: string[]
  gpu?: string[]
  framework?: string[]
  /** Only images with a non-blank FailedReason. */
  failed?: boolean
  /** CreateTime when absent. */
  sort?: SortField
  /** desc when absent, as the URL strips `order=desc` as its default (design.md §6). */
  order?: SortOrder
  offset: number
  limit: number
}

export type ListFilter = Omit<ListQuery, 'offset' | 'limit'>

export interface ListResult {
  items: Image[]
  total: number
  facets: Record<FacetName, Record<string, number>>
}

export const DEFAULT_SORT: SortField = 'CreateTime'
export const DEFAULT_ORDER: SortOrder = 'desc'

/**
 * One page of the filtered, sorted list, its total and its facets. Pure over the index, apart from
 * the index's own caches and scratch memory.
 */
export function queryImages(index: QueryIndex, query: ListQuery): ListResult {
  checkSort(query)
  const { total, counts } = selectImages(index, query, true)
  const offset = wholeNumber(query.offset)
  const limit = wholeNumber(query.limit)
  const items = offset < total && limit > 0 ? collect(index, query, offset, limit) : []
  return { items, total, facets: facetRecords(index, query, counts!) }
}

/** The whole filtered and sorted list, for export. */
export function filterImages(index: QueryIndex, query: ListFilter): Image[] {
  checkSort(query)
  const { total } = selectImages(index, query, false)
  return total === 0 ? [] : collect(index, query, 0, total)
}

/** Walks the sort order and takes the selected images `offset`…`offset + limit`. */
function collect(index: QueryIndex, query: ListFilter, offset: number, limit: number): Image[] {
  const order = sortOrder(index, query.sort ?? DEFAULT_SORT, query.order ?? DEFAULT_ORDER)
  const { selected } = index.scratch
  const items: Image[] = []
  let skip = offset
  for (let k = 0; k < order.length && items.length < limit; k++) {
    const i = order[k]!
    if ((selected[i]! & SELECTED) === 0) continue
    if (skip > 0) skip--
    else items.push(index.images[i]!)
  }
  return items
}

/**
 * Counts keyed by raw value: every value with a count, plus the facet's own selected values
 * (0 when none would match) so the UI can show a checked box that no image matches any more.
 */
function facetRecords(index: QueryIndex, filter: ListFilter, counts: FacetCodeCounts) {
  const record = (column: FacetColumn, count: Int32Array, selected: readonly string[]) => {
    // No prototype: a tag called `__proto__` must stay a plain key.
    const out = Object.create(null) as Record<string, number>
    for (let code = 1; code < count.length; code++) {
      if (count[code]! > 0) out[column.values[code - 1]!] = count[code]!
    }
    for (const value of selected) if (!Object.hasOwn(out, value)) out[value] = 0
    return out
  }
  const facets = {} as Record<FacetName, Record<string, number>>
  SINGLE_FACETS.forEach((name, d) => {
    facets[name] = record(index.facets[name], counts[d]!, selectedValues(filter, name))
  })
  facets.tags = record(index.tags, counts[SINGLE_FACETS.length]!, selectedValues(filter, 'tags'))
  return facets
}

/** The route validates `sort`; an unknown one reaching here is a bug, so it fails loudly. */
function checkSort(query: ListFilter): void {
  if (query.sort !== undefined && !SORT_FIELDS.includes(query.sort)) {
    throw new RangeError(`unknown sort field: ${String(query.sort)}`)
  }
  if (query.order !== undefined && query.order !== 'asc' && query.order !== 'desc') {
    throw new RangeError(`unknown sort order: ${String(query.order)}`)
  }
}

function wholeNumber(value: number): number {
  if (Number.isNaN(value) || value <= 0) return 0
  return Math.min(Math.floor(value), Number.MAX_SAFE_INTEGER)
}
