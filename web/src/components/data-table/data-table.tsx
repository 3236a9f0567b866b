import type { Row } from '@tanstack/react-table'
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react'
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

const INTERACTIVE = 'a, button, input, select, textarea, label, [role="button"], [role="checkbox"]'

// Sticky cells need an opaque background that still follows the row's hover/selected state.
const stickyHead = 'sticky left-0 z-20 bg-muted shadow-[1px_0_0_var(--color-border)]'
const stickyCell = cn(
  'sticky left-0 z-[1] bg-card shadow-[1px_0_0_var(--color-border)]',
  'group-hover:bg-[color-mix(in_oklab,var(--color-muted)_60%,var(--color-card))]',
  'group-focus-visible:bg-[color-mix(in_oklab,var(--color-accent)_60%,var(--color-card))] group-focus-visible:shadow-[inset_3px_0_0_var(--color-ring),1px_0_0_var(--color-border)]',
  'group-data-[state=selected]:bg-[color-mix(in_oklab,var(--color-primary)_8%,var(--color-card))] group-data-[state=selected]:shadow-[inset_3px_0_0_var(--color-primary),1px_0_0_var(--color-border)]',
)

const densityCell: Record<TableDensity, string> = {
  comfortable: 'py-2.5',
  compact: 'py-1',
}

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
  const rows = table.getRowModel().rows
  const columns = table.getVisibleLeafColumns()

  const activate = (row: Row<DataTableFeatures, TData>) => (event: MouseEvent | KeyboardEvent) => {
    const target = event.target as HTMLElement
    // Buttons and links inside a row do their own thing; selecting text is not a click.
    if (target !== event.currentTarget && target.closest(INTERACTIVE)) return
    if (event.type === 'click' && window.getSelection()?.toString()) return
    if (event.type === 'keydown') {
      const key = (event as KeyboardEvent).key
      if (key !== 'Enter' && key !== ' ') return
      event.preventDefault()
    }
    onRowActivate?.(row)
  }

  return (
    <div
      data-slot="data-table"
      data-density={density}
      className="relative min-h-48 flex-1 [scrollbar-gutter:stable] overflow-auto rounded-lg border bg-card"
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
      <Table aria-label={label} aria-busy={isLoading || isFetching}>
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
                    <Skeleton className={cn('h-4 w-16', column.columnDef.meta?.skeletonClassName)} />
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
            rows.map((row) => {
              const active = row.id === activeRowId
              return (
                <TableRow
                  key={row.id}
                  data-row-id={row.id}
                  data-state={active ? 'selected' : undefined}
                  aria-current={active ? 'true' : undefined}
                  aria-label={getRowLabel?.(row)}
                  tabIndex={onRowActivate ? 0 : undefined}
                  onClick={onRowActivate ? activate(row) : undefined}
                  onKeyDown={onRowActivate ? activate(row) : undefined}
                  className={cn(
                    'group',
                    onRowActivate && 'cursor-pointer',
                    'outline-none hover:bg-muted/60 focus-visible:bg-accent/60 focus-visible:shadow-[inset_3px_0_0_var(--color-ring)] data-[state=selected]:bg-primary/8 data-[state=selected]:shadow-[inset_3px_0_0_var(--color-primary)]',
                  )}
                >
                  {row.getVisibleCells().map((cell) => (
                    <TableCell
                      key={cell.id}
                      className={cn(
                        densityCell[density],
                        cell.column.columnDef.meta?.sticky && stickyCell,
                        cell.column.columnDef.meta?.cellClassName,
                      )}
                    >
                      <table.FlexRender cell={cell} />
                    </TableCell>
                  ))}
                </TableRow>
              )
            })
          )}
        </TableBody>
      </Table>
    </div>
  )
}
