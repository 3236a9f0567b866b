import type { DashboardSearch } from './dashboard-search'

export const FILTER_PARAMS = [
  'q',
  'status',
  'type',
  'visibility',
  'tag',
  'gpu',
  'framework',
  'failed',
] as const
export type FilterParam = (typeof FILTER_PARAMS)[number]
export interface ActiveFilter {
  param: FilterParam
  /** The single value this chip stands for ('1' for failed, the text for q). */
  value: string
}

/** One entry per chip: each value of a list is its own removable filter. */
export function activeFilters(search: DashboardSearch): ActiveFilter[] {
  const out: ActiveFilter[] = []
  if (search.q) out.push({ param: 'q', value: search.q })
  for (const param of ['status', 'type'] as const) {
    for (const value of search[param]) out.push({ param, value })
  }
  if (search.visibility) out.push({ param: 'visibility', value: search.visibility })
  for (const param of ['tag', 'gpu', 'framework'] as const) {
    for (const value of search[param]) out.push({ param, value })
  }
  if (search.failed) out.push({ param: 'failed', value: '1' })
  return out
}

export function removeFilter(
  search: DashboardSearch,
  filter: ActiveFilter,
): Partial<DashboardSearch> {
  switch (filter.param) {
    case 'q':
      return { q: undefined }
    case 'visibility':
      return { visibility: undefined }
    case 'failed':
      return { failed: false }
    case 'status':
      return { status: search.status.filter((v) => v !== filter.value) }
    case 'type':
      return { type: search.type.filter((v) => v !== filter.value) }
    default:
      return { [filter.param]: search[filter.param].filter((v) => v !== filter.value) }
  }
}

export const CLEARED_FILTERS: Pick<DashboardSearch, FilterParam> = {
  q: undefined,
  status: [],
  type: [],
  visibility: undefined,
  tag: [],
  gpu: [],
  framework: [],
  failed: false,
}
