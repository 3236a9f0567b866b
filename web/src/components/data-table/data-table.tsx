import type { Row } from '@tanstack/react-table'
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableCell, TableRow } from '@/components/ui/table'
import { useScrollEdges } from '@/hooks/use-scroll-edges'
import { cn } from '@/lib/utils'
import type { DataTableFeatures, DataTableInstance, TableDensity } from './data-table-features'
import { DataTableHeader } from './data-table-header'
import { onRowsKeyDown } from './data-table-nav'
import { densityCell, DataTableRow, stickyCell } from './data-table-row'

/**
 * Resource-agnostic table: a WAI-ARIA grid whose rows are one Tab stop (roving tabindex), sticky
 * header and first column, fixed column widths shared by skeleton rows, rows and the empty
 * state, and a shadow at each edge that hides columns.
 */
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
}) {
  // A new page mounts in one commit. The 20-rows-a-frame mount this table had is gone: measured
  // in Chromium (10,000 images, 100 rows a page, four filter keystrokes, CPU time of the main
  // thread's tasks), the biggest task was 47–95 ms without it and 64–99 ms with it, which also
  // spent ~50% more CPU in all; issue 9's guard is "no task over 100 ms".
  const rows = table.getRowModel().rows
  const columns = table.getVisibleLeafColumns()
  const visibleColumns = columns.map((column) => column.id).join(',')
  const widthOf = (column: (typeof columns)[number]) => column.columnDef.meta?.width ?? 8
  const width = columns.reduce((sum, column) => sum + widthOf(column), 0)
  const stickyWidth = columns
    .filter((column) => column.columnDef.meta?.sticky)
    .reduce((sum, column) => sum + widthOf(column), 0)

  const scroller = useRef<HTMLDivElement>(null)
  const edges = useScrollEdges(scroller)

  // The row that holds the Tab stop: the last one focused while it is on the page, else the
  // open one, else the first.
  const [focusedId, setFocusedId] = useState<string>()
  const has = (id: string | undefined) => id !== undefined && rows.some((row) => row.id === id)
  const tabbableId = has(focusedId) ? focusedId : has(activeRowId) ? activeRowId : rows[0]?.id

  // Rows are memoised: hand them one stable handler that calls the latest onRowActivate.
  const latestActivate = useRef(onRowActivate)
  useLayoutEffect(() => {
    latestActivate.current = onRowActivate
  })
  const activate = useCallback(
    (row: Row<DataTableFeatures, TData>) => latestActivate.current?.(row),
    [],
  )

  return (
    <div className="relative flex min-h-48 flex-1 flex-col">
      <div
        ref={scroller}
        data-slot="data-table"
        data-density={density}
        className="relative min-h-0 flex-1 [scrollbar-gutter:stable] overflow-auto rounded-lg border bg-card"
      >
        <Table
          role="grid"
          aria-label={label}
          aria-busy={isLoading || isFetching}
          aria-rowcount={isLoading ? -1 : undefined}
          className="table-fixed"
          style={{ width: `${width}rem`, minWidth: '100%' }}
        >
          <colgroup>
            {columns.map((column) => (
              <col key={column.id} style={{ width: `${widthOf(column)}rem` }} />
            ))}
          </colgroup>
          <DataTableHeader table={table} />
          <TableBody
            onKeyDown={onRowsKeyDown}
            onFocus={(event) => {
              const id = (event.target as HTMLElement)
                .closest('[data-nav-row]')
                ?.getAttribute('data-row-id')
              if (id) setFocusedId(id)
            }}
          >
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
                  <div className="sticky left-0 w-full max-w-[calc(100vw-2.5rem)]">
                    {emptyState}
                  </div>
                </TableCell>
              </TableRow>
            ) : (
              // Keyed by position, not id: a new filter's page then updates the rows' text and
              // attributes in place instead of removing 100 rows and building 100 new ones.
              rows.map((row, position) => (
                <DataTableRow
                  key={position}
                  row={row}
                  visibleColumns={visibleColumns}
                  columnDefs={table.options.columns}
                  density={density}
                  active={row.id === activeRowId}
                  tabbable={row.id === tabbableId}
                  label={getRowLabel?.(row)}
                  onActivate={onRowActivate ? activate : undefined}
                />
              ))
            )}
          </TableBody>
        </Table>
      </div>
      {/* Outside the scroller, and only while fetching: in it, an animated bar over the sticky
          cells made Chromium repaint the whole table (an 88 ms frame on every filter change). */}
      {isFetching && !isLoading && (
        <div
          aria-hidden
          data-testid="table-progress"
          className="pointer-events-none absolute inset-x-px top-px z-20 h-0.5 overflow-hidden rounded-t-lg"
        >
          <div className="h-full w-1/3 animate-[data-table-progress_1.1s_ease-in-out_infinite] bg-primary motion-reduce:animate-none" />
        </div>
      )}
      {/* Shadows where columns are scrolled out of view: past the sticky column, at the right. */}
      <div
        aria-hidden
        style={{ left: `calc(${stickyWidth}rem + 1px)` }}
        className={cn(
          'pointer-events-none absolute inset-y-px w-6 bg-gradient-to-r from-foreground/10 to-transparent transition-opacity',
          edges.start ? 'opacity-100' : 'opacity-0',
        )}
      />
      <div
        aria-hidden
        style={{ right: edges.scrollbar + 1 }}
        className={cn(
          'pointer-events-none absolute inset-y-px w-8 bg-gradient-to-l from-foreground/12 to-transparent transition-opacity',
          edges.end ? 'opacity-100' : 'opacity-0',
        )}
      />
    </div>
  )
}
