import {
  SORT_FIELDS,
  SORT_ORDERS,
  type FacetCounts,
  type FacetName,
  type Image,
  type SortField,
  type SortOrder,
} from '../contract/api'
import { EMPTY_FILTERS, FILTERS, type FilterValues } from '../contract/filters'
import { textValue, type QueryIndex } from './query-index'
import { selectImages } from './query-select'
import { sortOrder } from './query-sort'

export { buildIndex, type QueryIndex } from './query-index'

/**
 * What `/api/images` filters and sorts by (design.md §4): the FILTERS table's values
 * (contract/filters.ts; an absent one is no filter) and the sort.
 */
export type ListFilter = Partial<FilterValues> & {
  /** CreateTime when absent. */
  sort?: SortField
  /** desc when absent, as the URL strips `order=desc` as its default (design.md §6). */
  order?: SortOrder
}

/** A filter and the page asked for. */
export type ListQuery = ListFilter & { offset: number; limit: number }

export interface ListResult {
  items: Image[]
  total: number
  failedTotal: number
  facets: Record<FacetName, FacetCounts>
  versions: Record<string, number>
}

export const DEFAULT_SORT: SortField = 'CreateTime'
export const DEFAULT_ORDER: SortOrder = 'desc'

/** One page of the filtered, sorted list, its total and its facets. Pure over the index. */
export function queryImages(index: QueryIndex, query: ListQuery): ListResult {
  const sorted = order(index, query)
  const { selected, total, failed, facets } = selectImages(index, filterValues(query), true)
  const offset = wholeNumber(query.offset)
  const limit = wholeNumber(query.limit)
  const items: Image[] = []
  if (offset < total && limit > 0) {
    let skip = offset
    for (const i of sorted) {
      if (!selected[i]) continue
      if (skip > 0) skip--
      else if (items.push(index.images[i]!) === limit) break
    }
  }
  return {
    items,
    total,
    failedTotal: failed,
    facets: facets!,
    versions: familySizesOf(index, items),
  }
}

/** The whole list's size of each family on the page (the list's "+N versions"). */
function familySizesOf(index: QueryIndex, items: readonly Image[]): Record<string, number> {
  const sizes: Record<string, number> = {}
  for (const image of items) {
    const group = textValue(image.GroupId)
    if (group !== null) sizes[group] = index.familySizes.get(group) ?? 1
  }
  return sizes
}

/** The whole filtered and sorted list: for export and for failure triage. */
export function filterImages(index: QueryIndex, filter: ListFilter): Image[] {
  const sorted = order(index, filter)
  const { selected } = selectImages(index, filterValues(filter), false)
  return sorted.filter((i) => selected[i]).map((i) => index.images[i]!)
}

/** Every filter's value, absent ones as the table's empty value. */
function filterValues(filter: ListFilter): FilterValues {
  const values: Record<string, unknown> = {}
  for (const { name } of FILTERS) values[name] = filter[name] ?? EMPTY_FILTERS[name]
  return values as FilterValues
}

/** The route validates the sort; an unknown one reaching here is a bug, so it fails loudly. */
function order(index: QueryIndex, filter: ListFilter): readonly number[] {
  const field = filter.sort ?? DEFAULT_SORT
  const direction = filter.order ?? DEFAULT_ORDER
  if (!SORT_FIELDS.includes(field)) throw new RangeError(`unknown sort field: ${String(field)}`)
  if (!SORT_ORDERS.includes(direction)) {
    throw new RangeError(`unknown sort order: ${String(direction)}`)
  }
  return sortOrder(index, field, direction)
}

function wholeNumber(value: number): number {
  if (Number.isNaN(value) || value <= 0) return 0
  return Math.min(Math.floor(value), Number.MAX_SAFE_INTEGER)
}
