import { useQueryStates } from 'nuqs'
import { useCallback, useMemo } from 'react'
import { fromState, SEARCH_PARSERS, toState, type DashboardSearch } from './dashboard-search'
import { updateSearch } from './dashboard-search-mappers'

export type SetSearch = (
  patch: Partial<DashboardSearch> | ((prev: DashboardSearch) => Partial<DashboardSearch>),
  options?: {
    replace?: boolean
    /** Rewrite the URL only (e.g. spelling out a default): no page reset, the drawer stays. */
    keepView?: boolean
  },
) => void

/**
 * The URL as the view's state (design.md §6), the one hook features read and write it with.
 * Changes push a history entry so Back/Forward walk through them; `replace` is for typing and
 * other changes that should not flood history. Defaults stay out of the URL (nuqs'
 * clearOnDefault); the adapter in app.tsx writes parameters in the canonical order.
 */
export function useDashboardSearch(): [DashboardSearch, SetSearch] {
  const [state, setState] = useQueryStates(SEARCH_PARSERS)
  const search = useMemo(() => fromState(state), [state])
  const setSearch = useCallback<SetSearch>(
    (patch, options) => {
      void setState(
        (current) => {
          const prev = fromState(current)
          const change = typeof patch === 'function' ? patch(prev) : patch
          return toState(options?.keepView ? { ...prev, ...change } : updateSearch(prev, change))
        },
        { history: options?.replace ? 'replace' : 'push' },
      )
    },
    [setState],
  )
  return [search, setSearch]
}
