import { getRouteApi } from '@tanstack/react-router'
import { useCallback } from 'react'
import type { DashboardSearch } from './dashboard-search'
import { updateSearch } from './dashboard-search-mappers'

const route = getRouteApi('/')

export type SetSearch = (
  patch: Partial<DashboardSearch> | ((prev: DashboardSearch) => Partial<DashboardSearch>),
  options?: {
    replace?: boolean
    /** Rewrite the URL only (e.g. spelling out a default): no page reset, the drawer stays. */
    keepView?: boolean
  },
) => void

/**
 * The URL as the view's state (design.md §6). Changes push a history entry so Back/Forward walk
 * through them; `replace` is for typing and other changes that should not flood history.
 */
export function useDashboardSearch(): [DashboardSearch, SetSearch] {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const setSearch = useCallback<SetSearch>(
    (patch, options) => {
      void navigate({
        search: (current) => {
          const prev = current as DashboardSearch
          const change = typeof patch === 'function' ? patch(prev) : patch
          return options?.keepView ? { ...prev, ...change } : updateSearch(prev, change)
        },
        replace: options?.replace ?? false,
        resetScroll: false,
      })
    },
    [navigate],
  )
  return [search, setSearch]
}
