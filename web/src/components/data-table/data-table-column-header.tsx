import type { Column } from '@tanstack/react-table'
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon } from 'lucide-react'
import { cn } from '@/lib/utils'
import type { DataTableFeatures } from './data-table-features'

/**
 * Header label with the sort direction. The <th> itself is the sort control (see DataTable): a
 * button inside would share its name with the toolbar's filter of the same field.
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
    <span
      className={cn(
        'inline-flex items-center gap-1 whitespace-nowrap',
        sorted && 'text-foreground',
        className,
      )}
    >
      {title}
      <Icon className={cn('size-3.5 shrink-0', !sorted && 'opacity-40')} aria-hidden />
    </span>
  )
}
