import type { PaginationState, SortingState } from '@tanstack/react-table'
import { PAGE_SIZES, SORT_FIELDS } from '@contract/api'
import type { ImagesListParams } from '@/api/images'
import { FILTER_PARAMS } from './active-filters'
import {
  paramString,
  SEARCH_DEFAULTS,
  type DashboardSearch,
  type PageSize,
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
const LIST_KEYS = [...SCOPE_KEYS, ...FILTER_PARAMS, 'sort', 'order', 'size'] as const

const same = (a: unknown, b: unknown) => paramString(a) === paramString(b)

/** Applies a change the way the dashboard wants: new list → page 1; new scope → no open image. */
export function updateSearch(
  prev: DashboardSearch,
  patch: Partial<DashboardSearch>,
): DashboardSearch {
  const next = { ...prev, ...patch }
  if (!('page' in patch) && LIST_KEYS.some((key) => !same(prev[key], next[key]))) next.page = 1
  if (SCOPE_KEYS.some((key) => !same(prev[key], next[key]))) {
    next.image = undefined
    next.tab = SEARCH_DEFAULTS.tab
  }
  if (next.image === undefined) next.tab = SEARCH_DEFAULTS.tab
  return next
}

/** The proxy's list query for this view (page → offset/limit). */
export function searchToListParams(search: DashboardSearch): ImagesListParams {
  return {
    region: search.region,
    zone: search.zone,
    project: search.project,
    q: search.q,
    status: search.status,
    type: search.type,
    visibility: search.visibility,
    tag: search.tag,
    gpu: search.gpu,
    framework: search.framework,
    failed: search.failed,
    sort: search.sort,
    order: search.order,
    offset: (search.page - 1) * search.size,
    limit: search.size,
  }
}
