import type { PaginationState, SortingState } from '@tanstack/react-table'
import { PAGE_SIZES, SORT_FIELDS } from '@contract/api'
import { FILTERS } from '@contract/filters'
import type { ImagesListParams } from '@/api/images'
import {
  SEARCH_DEFAULTS,
  SEARCH_PARSERS,
  type DashboardSearch,
  type PageSize,
  type SearchParam,
} from './dashboard-search'

/** Mappers between the URL (dashboard-search.ts) and table state, and the rules of a change. */

export function searchToPagination(search: DashboardSearch): PaginationState {
  return { pageIndex: search.page - 1, pageSize: search.size }
}

export function paginationToSearch(
  pagination: PaginationState,
): Pick<DashboardSearch, 'page' | 'size'> {
  const size = (PAGE_SIZES as readonly number[]).includes(pagination.pageSize)
    ? (pagination.pageSize as PageSize)
    : SEARCH_DEFAULTS.size
  return { page: Math.max(1, Math.floor(pagination.pageIndex) + 1), size }
}

export function searchToSorting(search: DashboardSearch): SortingState {
  return [{ id: search.sort, desc: search.order === 'desc' }]
}

export function sortingToSearch(sorting: SortingState): Pick<DashboardSearch, 'sort' | 'order'> {
  const first = sorting[0]
  const sort = SORT_FIELDS.find((field) => field === first?.id)
  if (!first || !sort) return { sort: SEARCH_DEFAULTS.sort, order: SEARCH_DEFAULTS.order }
  return { sort, order: first.desc ? 'desc' : 'asc' }
}

const SCOPE_KEYS = ['region', 'zone', 'project'] as const
/** Changing any of these shows a different list, so the page starts over at 1. */
const LIST_KEYS: readonly SearchParam[] = [
  ...SCOPE_KEYS,
  'view',
  ...FILTERS.map((f) => f.name),
  'sort',
  'order',
  'size',
]

const same = (key: SearchParam, a: unknown, b: unknown) =>
  a === b || (a !== undefined && b !== undefined && SEARCH_PARSERS[key].eq(a, b))

/** Applies a change the way the dashboard wants: new list → page 1; new scope → no open image. */
export function updateSearch(
  prev: DashboardSearch,
  patch: Partial<DashboardSearch>,
): DashboardSearch {
  const next = { ...prev, ...patch }
  if (!('page' in patch) && LIST_KEYS.some((key) => !same(key, prev[key], next[key]))) {
    next.page = 1
  }
  if (SCOPE_KEYS.some((key) => !same(key, prev[key], next[key]))) next.image = undefined
  if (next.image === undefined) next.tab = SEARCH_DEFAULTS.tab
  return next
}

/** The proxy's list query for this view (page → offset/limit); filters straight from FILTERS. */
export function searchToListParams(search: DashboardSearch): ImagesListParams {
  const filters: Record<string, unknown> = {}
  for (const spec of FILTERS) filters[spec.name] = search[spec.name]
  return {
    ...(filters as Pick<DashboardSearch, (typeof FILTERS)[number]['name']>),
    region: search.region,
    zone: search.zone,
    project: search.project,
    sort: search.sort,
    order: search.order,
    offset: (search.page - 1) * search.size,
    limit: search.size,
  }
}
