import { EMPTY_FILTERS, FILTERS, writeFilter, type FilterName } from '@contract/filters'
import type { DashboardSearch } from './dashboard-search'

export type FilterParam = FilterName
export interface ActiveFilter {
  param: FilterParam
  /** The single value this chip stands for ('1' for a flag, the text for q). */
  value: string
}

/** One entry per chip, in FILTERS' order: each value of a list is its own removable filter. */
export function activeFilters(search: DashboardSearch): ActiveFilter[] {
  const out: ActiveFilter[] = []
  for (const spec of FILTERS) {
    const value: unknown = search[spec.name]
    if (spec.kind === 'list') {
      for (const item of value as string[]) out.push({ param: spec.name, value: item })
    } else {
      const written = writeFilter(spec, value)
      if (written !== undefined) out.push({ param: spec.name, value: written })
    }
  }
  return out
}

/** The change that removes one chip: one value of a list, or the whole of any other filter. */
export function removeFilter(
  search: DashboardSearch,
  filter: ActiveFilter,
): Partial<DashboardSearch> {
  const spec = FILTERS.find((f) => f.name === filter.param)
  if (spec?.kind !== 'list') return { [filter.param]: EMPTY_FILTERS[filter.param] }
  const values = search[filter.param] as string[]
  return { [filter.param]: values.filter((v) => v !== filter.value) }
}

export const CLEARED_FILTERS: Partial<DashboardSearch> = EMPTY_FILTERS
