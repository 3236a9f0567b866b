import { functionalUpdate, useTable } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image } from '@contract/api'
import {
  dataTableFeatures,
  type DataTableInstance,
  type TableDensity,
} from '@/components/data-table/data-table-features'
import type { DashboardSearch } from '../search/dashboard-search'
import {
  paginationToSearch,
  searchToPagination,
  searchToSorting,
  sortingToSearch,
} from '../search/dashboard-search-mappers'
import type { SetSearch } from '../search/use-dashboard-search'
import { buildImageColumns } from './images-columns'
import { imageRowId } from './image-row-id'

const NO_IMAGES: Image[] = []

export interface DisplayPreferences {
  density: TableDensity
  setDensity: (density: TableDensity) => void
  columnVisibility: Record<string, boolean>
  setColumnVisibility: (update: (prev: Record<string, boolean>) => Record<string, boolean>) => void
}

/** A list about failures (`failed=1`, `reason=`): reasons get two lines. */
export const reasonsWrap = (search: DashboardSearch) => search.failed || !!search.reason

/** Server-driven table state: sorting and pagination live in the URL, visibility in preferences. */
export function useImagesTable({
  items,
  total,
  search,
  setSearch,
  display,
}: {
  items: Image[] | undefined
  total: number
  search: DashboardSearch
  setSearch: SetSearch
  display: DisplayPreferences
}): DataTableInstance<Image> {
  const { t } = useTranslation('images')
  const wrapReasons = reasonsWrap(search)
  const columns = useMemo(() => buildImageColumns(t, { wrapReasons }), [t, wrapReasons])
  const sorting = useMemo(() => searchToSorting(search), [search])
  const pagination = useMemo(() => searchToPagination(search), [search])
  return useTable({
    features: dataTableFeatures,
    columns,
    data: items ?? NO_IMAGES,
    getRowId: imageRowId,
    rowCount: total,
    manualPagination: true,
    manualSorting: true,
    autoResetAll: false,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, pagination, columnVisibility: display.columnVisibility },
    onSortingChange: (updater) => setSearch(sortingToSearch(functionalUpdate(updater, sorting))),
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination)
      // A new page size starts over at page 1 (the old page number means other rows now).
      setSearch(
        next.pageSize !== pagination.pageSize
          ? { ...paginationToSearch(next), page: 1 }
          : paginationToSearch(next),
      )
    },
    onColumnVisibilityChange: (updater) =>
      display.setColumnVisibility((prev) => functionalUpdate(updater, prev)),
  })
}
