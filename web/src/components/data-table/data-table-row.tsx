import type { Cell, Row } from '@tanstack/react-table'
import { memo, type KeyboardEvent, type MouseEvent } from 'react'
import { cn } from '@/lib/utils'
import type { DataTableColumnMeta, DataTableFeatures, TableDensity } from './data-table-features'

const INTERACTIVE = 'a, button, input, select, textarea, label, [role="button"], [role="checkbox"]'

// Sticky cells need an opaque background that still follows the row's hover/selected state.
export const stickyCell = cn(
  'sticky left-0 z-[1] bg-card shadow-[1px_0_0_var(--color-border)]',
  'group-hover:bg-[color-mix(in_oklab,var(--color-muted)_60%,var(--color-card))]',
  'group-focus-visible:bg-[color-mix(in_oklab,var(--color-accent)_60%,var(--color-card))] group-focus-visible:shadow-[inset_3px_0_0_var(--color-ring),1px_0_0_var(--color-border)]',
  'group-data-[state=selected]:bg-[color-mix(in_oklab,var(--color-primary)_8%,var(--color-card))] group-data-[state=selected]:shadow-[inset_3px_0_0_var(--color-primary),1px_0_0_var(--color-border)]',
)

export const densityCell: Record<TableDensity, string> = {
  comfortable: 'py-2.5',
  compact: 'py-1',
}

/**
 * Chromium skips the style, layout and paint of cell contents outside the viewport (a 100-row page
 * shows ~20): the frame that shows a new page took 140–200 ms for 100 rows, ~100 ms this way
 * (issue 9's "no task over 100 ms" guard, bench/browser.ts). A skipped cell holds the height of a
 * comfortable row until it is shown. The 4 px of padding keep focus rings inside its paint clip.
 */
const cellContent =
  '-m-1 p-1 [content-visibility:auto] [contain-intrinsic-size:auto_2.25rem] in-data-[density=compact]:[contain-intrinsic-size:auto_1.75rem]'

// ui/table.tsx's TableRow and TableCell classes, with the row's own. Rows render plain <tr> and
// <td> with their classes worked out once, not a component and a tailwind-merge per cell: each
// filter change renders a 100-row page (issue 9's keystroke → rows guard).
// scroll-mt: a row reached with the keyboard is not left under the sticky header.
const rowClassName = cn(
  'transition-colors [&>td]:border-b',
  'group scroll-mt-10 outline-none hover:bg-muted/60 focus-visible:bg-accent/60 focus-visible:shadow-[inset_3px_0_0_var(--color-ring)] data-[state=selected]:bg-primary/8 data-[state=selected]:shadow-[inset_3px_0_0_var(--color-primary)]',
)
const activeRowClassName = cn(rowClassName, 'cursor-pointer')

const cellClasses = new WeakMap<object, Partial<Record<TableDensity, string>>>()
function cellClassName(def: { meta?: Partial<DataTableColumnMeta> }, density: TableDensity) {
  let byDensity = cellClasses.get(def)
  if (!byDensity) cellClasses.set(def, (byDensity = {}))
  return (byDensity[density] ??= cn(
    'px-3 align-middle overflow-hidden',
    densityCell[density],
    def.meta?.sticky && stickyCell,
    def.meta?.cellClassName,
  ))
}

/**
 * A column's `cell` called as a function, not mounted as a component as flexRender would: one
 * component less per cell, a thousand on a 100-row page. So a `cell` must not call hooks; one
 * that needs them returns an element of its own component (as the image columns do).
 */
function renderCell<TData extends object>(cell: Cell<DataTableFeatures, TData, unknown>) {
  const render = cell.column.columnDef.cell
  return typeof render === 'function' ? render(cell.getContext()) : (render ?? null)
}

interface DataTableRowProps<TData extends object> {
  row: Row<DataTableFeatures, TData>
  /** Visible column ids, joined: a change of visibility re-renders the row. */
  visibleColumns: string
  /** The table's column definitions: new ones (e.g. another language) re-render the row. */
  columnDefs: unknown
  density: TableDensity
  active: boolean
  /** Holds the rows' one Tab stop (roving tabindex). */
  tabbable: boolean
  label: string | undefined
  /** Stable across renders (DataTable keeps the latest handler in a ref). */
  onActivate: ((row: Row<DataTableFeatures, TData>) => void) | undefined
}

function DataTableRowImpl<TData extends object>({
  row,
  density,
  active,
  tabbable,
  label,
  onActivate,
}: DataTableRowProps<TData>) {
  const activate = (event: MouseEvent | KeyboardEvent) => {
    const target = event.target as HTMLElement
    // Buttons and links inside a row do their own thing; selecting text is not a click.
    if (target !== event.currentTarget && target.closest(INTERACTIVE)) return
    if (event.type === 'click' && window.getSelection()?.toString()) return
    if (event.type === 'keydown') {
      const key = (event as KeyboardEvent).key
      if (key !== 'Enter' && key !== ' ') return
      event.preventDefault()
    }
    onActivate?.(row)
  }
  return (
    <tr
      data-slot="table-row"
      data-row-id={row.id}
      data-nav-row=""
      data-state={active ? 'selected' : undefined}
      aria-current={active ? 'true' : undefined}
      aria-label={label}
      tabIndex={tabbable ? 0 : -1}
      onClick={onActivate ? activate : undefined}
      onKeyDown={onActivate ? activate : undefined}
      className={onActivate ? activeRowClassName : rowClassName}
    >
      {row.getVisibleCells().map((cell) => (
        <td
          key={cell.column.id}
          data-slot="table-cell"
          className={cellClassName(cell.column.columnDef, density)}
        >
          <div className={cellContent}>{renderCell(cell)}</div>
        </td>
      ))}
    </tr>
  )
}

/**
 * One body row, skipped when its data and display did not change: a new URL (typing, a new
 * filter) renders the table again with the same rows until the answer arrives, and a live
 * refetch keeps unchanged rows as the same objects (structural sharing). The table itself is
 * not a prop: `useTable` hands out a new wrapper object on every render (its memo depends on
 * the options literal), which made every row render again on every URL change
 * (docs/benchmarks.md); cells reach the table through `cell.getContext()`.
 */
export const DataTableRow = memo(
  DataTableRowImpl,
  (prev, next) =>
    prev.row.original === next.row.original &&
    prev.row.id === next.row.id &&
    prev.visibleColumns === next.visibleColumns &&
    prev.columnDefs === next.columnDefs &&
    prev.density === next.density &&
    prev.active === next.active &&
    prev.tabbable === next.tabbable &&
    prev.label === next.label &&
    prev.onActivate === next.onActivate,
) as typeof DataTableRowImpl
