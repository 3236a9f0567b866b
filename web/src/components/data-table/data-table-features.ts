import {
  columnVisibilityFeature,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ReactTable,
} from '@tanstack/react-table'

export interface DataTableColumnMeta {
  /** Plain-text name: the view options menu and skeleton rows use it. */
  label: string
  headerClassName?: string
  cellClassName?: string
  /** Skeleton width for the loading state (Tailwind width class). */
  skeletonClassName?: string
  /** Stays in view while the table scrolls sideways (the column that names the row). */
  sticky?: boolean
  /**
   * Width in rem. The table lays out with fixed column widths, so skeleton rows, real rows and
   * the empty state share them and a page with a long value does not shift its neighbours.
   */
  width?: number
}

/**
 * Server-driven tables: sorting and pagination state without client row models
 * (the server sorts and pages; `manualSorting`/`manualPagination`), plus column visibility.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
})

export type DataTableFeatures = typeof dataTableFeatures
export type DataTableInstance<TData extends object> = ReactTable<DataTableFeatures, TData>

export type TableDensity = 'comfortable' | 'compact'
