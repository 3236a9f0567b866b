import type { Column } from '@tanstack/react-table'
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon } from 'lucide-react'
import { cn } from '@/lib/utils'
import type { DataTableFeatures } from './data-table-features'

/**
 * A column's title; for a sortable column, a button that sorts by it (the <th> carries
 * `aria-sort`, as in the WAI-ARIA sortable table example).
 */
export function DataTableColumnHeader<TData extends object, TValue>({
  column,
  title,
  className,
}: {
  column: Column<DataTableFeatures, TData, TValue>
  title: string
  className?: string
}) {
  if (!column.getCanSort()) return <span className={className}>{title}</span>
  const sorted = column.getIsSorted()
  const Icon =
    sorted === 'asc' ? ArrowUpIcon : sorted === 'desc' ? ArrowDownIcon : ChevronsUpDownIcon
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      className={cn(
        '-mx-1.5 inline-flex h-7 cursor-pointer items-center gap-1 rounded-md px-1.5 whitespace-nowrap outline-none select-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring',
        sorted && 'text-foreground',
        className,
      )}
    >
      {title}
      <Icon className={cn('size-3.5 shrink-0', !sorted && 'opacity-40')} aria-hidden />
    </button>
  )
}
