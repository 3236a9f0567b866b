import { useCallback, useMemo, useRef } from 'react'
import type { Image } from '@contract/api'
import type { DashboardSearch } from '../search/dashboard-search'
import type { SetSearch } from '../search/use-dashboard-search'

/**
 * Opening and closing the drawer from the list, and walking this page's rows from it: focus goes
 * back to the row that opened it (or last showed in it), previous/next and j/k follow the rows'
 * order, and the tab stays.
 */
export function useDrawerNavigation(
  search: DashboardSearch,
  setSearch: SetSearch,
  items: readonly Image[] | undefined,
) {
  const drawerOpener = useRef<string | undefined>(undefined)
  const openImage = useCallback(
    (_image: Image, rowId: string) => {
      drawerOpener.current = rowId
      setSearch({ image: rowId, tab: 'overview' })
    },
    [setSearch],
  )
  const closeImage = useCallback(() => {
    const rowId = drawerOpener.current ?? search.image
    drawerOpener.current = undefined
    setSearch({ image: undefined })
    // After the dialog's own focus handling.
    setTimeout(() => {
      const row = rowId && document.querySelector<HTMLElement>(`tr[data-row-id="${rowId}"]`)
      if (row) row.focus({ preventScroll: false })
    }, 30)
  }, [search.image, setSearch])
  const neighbours = useMemo(
    () => ({
      ids: (items ?? []).flatMap((image) =>
        image.CompShareImageId ? [image.CompShareImageId] : [],
      ),
      onNavigate: (id: string) => {
        drawerOpener.current = id
        setSearch({ image: id }, { replace: true })
      },
    }),
    [items, setSearch],
  )
  return { openImage, closeImage, neighbours }
}
