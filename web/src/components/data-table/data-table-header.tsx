import { TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { cn } from '@/lib/utils'
import type { DataTableInstance } from './data-table-features'

const stickyHead = 'sticky left-0 z-20 bg-muted shadow-[1px_0_0_var(--color-border)]'

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

/** The sticky header row; sortable titles are buttons (DataTableColumnHeader), `aria-sort` is here. */
export function DataTableHeader<TData extends object>({
  table,
}: {
  table: DataTableInstance<TData>
}) {
  return (
    <TableHeader className="sticky top-0 z-10">
      {table.getHeaderGroups().map((group) => (
        <TableRow key={group.id}>
          {group.headers.map((header) => {
            const column = header.column
            const sorted = column.getIsSorted()
            return (
              <TableHead
                key={header.id}
                scope="col"
                aria-sort={sorted ? ARIA_SORT[sorted] : column.getCanSort() ? 'none' : undefined}
                className={cn(
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
  )
}
