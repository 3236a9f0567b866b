import { functionalUpdate, useTable, type Row } from '@tanstack/react-table'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image } from '@contract/api'
import { PAGE_SIZES } from '@contract/api'
import { DataTable } from '@/components/data-table/data-table'
import {
  dataTableFeatures,
  type DataTableFeatures,
  type DataTableInstance,
  type TableDensity,
} from '@/components/data-table/data-table-features'
import { DataTablePagination } from '@/components/data-table/data-table-pagination'
import type { DashboardSearch } from '../search/dashboard-search'
import {
  paginationToSearch,
  searchToPagination,
  searchToSorting,
  sortingToSearch,
} from '../search/dashboard-search-mappers'
import { CellLanguageContext } from './images-cell-i18n'
import { buildImageColumns } from './images-columns'
import { imageName, textOf } from '../images-values'
import type { SetSearch } from '../search/use-dashboard-search'
import { numberFormat } from '@/lib/format'

const NO_IMAGES: Image[] = []

export interface DisplayPreferences {
  density: TableDensity
  setDensity: (density: TableDensity) => void
  columnVisibility: Record<string, boolean>
  setColumnVisibility: (update: (prev: Record<string, boolean>) => Record<string, boolean>) => void
}

export const imageRowId = (image: Image, index: number) =>
  textOf(image.CompShareImageId) ?? `row-${index}`

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
  const columns = useMemo(() => buildImageColumns(t), [t])
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

export function ImagesTable({
  table,
  total,
  isLoading,
  isFetching,
  density,
  activeImageId,
  emptyState,
  onOpen,
}: {
  table: DataTableInstance<Image>
  total: number
  isLoading: boolean
  isFetching: boolean
  density: TableDensity
  activeImageId?: string
  emptyState: ReactNode
  onOpen: (image: Image, rowId: string) => void
}) {
  const { t, i18n } = useTranslation('images')

  // The benchmark measures time to rendered rows (docs/benchmarks.md): the first slice of a new
  // page (the rows in view), then the whole page.
  const markRows = (stage: 'first' | 'complete') =>
    performance.mark?.(stage === 'first' ? 'imagedeck:rows-rendered' : 'imagedeck:rows-complete')

  const rowLabel = (row: Row<DataTableFeatures, Image>) =>
    t('cell.openImage', {
      name: imageName(row.original) ?? textOf(row.original.CompShareImageId) ?? t('cell.unnamed'),
    })

  return (
    <CellLanguageContext value={i18n.language}>
      <DataTable
        table={table}
        label={t('tableLabel')}
        isLoading={isLoading}
        isFetching={isFetching}
        density={density}
        skeletonRows={Math.min(table.state.pagination.pageSize, 20)}
        emptyState={emptyState}
        activeRowId={activeImageId}
        getRowLabel={rowLabel}
        onRowsRendered={markRows}
        onRowActivate={(row) => {
          if (textOf(row.original.CompShareImageId)) onOpen(row.original, row.id)
        }}
      />
      <DataTablePagination
        table={table}
        pageSizes={PAGE_SIZES}
        summary={
          isLoading
            ? '\u00a0'
            : t('total', {
                count: total,
                formattedCount: numberFormat(i18n.language).format(total),
              })
        }
      />
    </CellLanguageContext>
  )
}
