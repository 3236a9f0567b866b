import type { Row } from '@tanstack/react-table'
import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { cn } from '@/lib/utils'
import type { DataTableFeatures, DataTableInstance, TableDensity } from './data-table-features'
import { useProgressiveRows } from './data-table-progressive'
import { densityCell, DataTableRow, stickyCell } from './data-table-row'

const stickyHead = 'sticky left-0 z-20 bg-muted shadow-[1px_0_0_var(--color-border)]'

/** Resource-agnostic table: real <table> semantics, sticky header, skeleton rows, activatable rows. */
export function DataTable<TData extends object>({
  table,
  label,
  isLoading,
  isFetching,
  density,
  skeletonRows,
  emptyState,
  activeRowId,
  getRowLabel,
  onRowActivate,
  onRowsRendered,
}: {
  table: DataTableInstance<TData>
  /** Accessible name of the table. */
  label: string
  /** No data yet: render skeleton rows of the final height. */
  isLoading: boolean
  /** Data shown, newer data on its way: a quiet progress bar. */
  isFetching: boolean
  density: TableDensity
  skeletonRows: number
  emptyState: ReactNode
  activeRowId?: string
  getRowLabel?: (row: Row<DataTableFeatures, TData>) => string
  onRowActivate?: (row: Row<DataTableFeatures, TData>) => void
  /** Once per new set of rows: 'first' when its first slice is on screen, 'complete' when all are. */
  onRowsRendered?: (stage: 'first' | 'complete') => void
}) {
  const allRows = table.getRowModel().rows
  const { visible: rows, complete } = useProgressiveRows(allRows)
  const columns = table.getVisibleLeafColumns()

  const visibleColumns = columns.map((column) => column.id).join(',')

  // Rows are memoised: hand them one stable handler that calls the latest onRowActivate.
  const latestActivate = useRef(onRowActivate)
  useLayoutEffect(() => {
    latestActivate.current = onRowActivate
  })
  const activate = useCallback(
    (row: Row<DataTableFeatures, TData>) => latestActivate.current?.(row),
    [],
  )

  const latestRendered = useRef(onRowsRendered)
  useLayoutEffect(() => {
    latestRendered.current = onRowsRendered
  })
  // In this order, so a page that fits one slice reports 'first' before 'complete'.
  useEffect(() => {
    if (allRows.length > 0) latestRendered.current?.('first')
  }, [allRows])
  useEffect(() => {
    if (complete && allRows.length > 0) latestRendered.current?.('complete')
  }, [allRows, complete])

  return (
    // will-change gives the scroller a compositor layer of its own: without it Chromium
    // re-layerised the whole page on every frame that painted rows, 15–20 ms a frame on the
    // bench machine, against ~3 ms with it (`npx tsx bench/trace.ts filter`).
    <div
      data-slot="data-table"
      data-density={density}
      className="relative min-h-48 flex-1 [scrollbar-gutter:stable] overflow-auto rounded-lg border bg-card will-change-transform"
    >
      <div
        aria-hidden
        className={cn(
          'pointer-events-none sticky top-0 left-0 z-20 -mb-0.5 h-0.5 w-full overflow-hidden transition-opacity',
          isFetching && !isLoading ? 'opacity-100' : 'opacity-0',
        )}
      >
        <div className="h-full w-1/3 animate-[data-table-progress_1.1s_ease-in-out_infinite] bg-primary motion-reduce:animate-none" />
      </div>
      <Table aria-label={label} aria-busy={isLoading || isFetching || !complete}>
        <TableHeader className="sticky top-0 z-10">
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const column = header.column
                const sorted = column.getIsSorted()
                const canSort = column.getCanSort()
                const toggle = column.getToggleSortingHandler()
                return (
                  <TableHead
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === 'asc'
                        ? 'ascending'
                        : sorted === 'desc'
                          ? 'descending'
                          : canSort
                            ? 'none'
                            : undefined
                    }
                    tabIndex={canSort ? 0 : undefined}
                    onClick={toggle}
                    onKeyDown={(event) => {
                      if (toggle && (event.key === 'Enter' || event.key === ' ')) {
                        event.preventDefault()
                        toggle(event)
                      }
                    }}
                    className={cn(
                      canSort &&
                        'cursor-pointer outline-none select-none hover:text-foreground focus-visible:shadow-[inset_0_0_0_2px_var(--color-ring)]',
                      column.columnDef.meta?.sticky && stickyHead,
                      column.columnDef.meta?.headerClassName,
                    )}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </TableHead>
                )
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {isLoading ? (
            Array.from({ length: skeletonRows }, (_, i) => (
              <TableRow key={`skeleton-${i}`} data-testid="skeleton-row">
                {columns.map((column) => (
                  <TableCell
                    key={column.id}
                    className={cn(
                      densityCell[density],
                      column.columnDef.meta?.sticky && stickyCell,
                      column.columnDef.meta?.cellClassName,
                    )}
                  >
                    <Skeleton
                      className={cn('h-4 w-16', column.columnDef.meta?.skeletonClassName)}
                    />
                  </TableCell>
                ))}
              </TableRow>
            ))
          ) : rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columns.length} className="p-0">
                <div className="sticky left-0 w-full max-w-[100vw]">{emptyState}</div>
              </TableCell>
            </TableRow>
          ) : (
            rows.map((row) => (
              <DataTableRow
                key={row.id}
                row={row}
                visibleColumns={visibleColumns}
                columnDefs={table.options.columns}
                density={density}
                active={row.id === activeRowId}
                label={getRowLabel?.(row)}
                onActivate={onRowActivate ? activate : undefined}
              />
            ))
          )}
        </TableBody>
      </Table>
    </div>
  )
}
