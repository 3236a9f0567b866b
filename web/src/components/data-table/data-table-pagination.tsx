import {
  ChevronLeftIcon,
  ChevronRightIcon,
  ChevronsLeftIcon,
  ChevronsRightIcon,
} from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import type { DataTableInstance } from './data-table-features'
import { numberFormat } from '@/lib/format'

export function DataTablePagination<TData extends object>({
  table,
  pageSizes,
  summary,
  actions,
  loading = false,
}: {
  table: DataTableInstance<TData>
  pageSizes: readonly number[]
  /** No count yet: the page count shows as unknown, not as "1 of 1". */
  loading?: boolean
  /** What the rows are, counted ("240 images"): the table does not know its resource. */
  summary: ReactNode
  /** Beside the summary, outside its live region (e.g. a help button). */
  actions?: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const { pageIndex, pageSize } = table.state.pagination
  const pageCount = Math.max(1, table.getPageCount())
  const nf = numberFormat(i18n.language)
  return (
    <nav
      aria-label={t('table.pagination')}
      className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-1 text-sm"
    >
      <div className="flex items-center gap-2">
        <div className="text-muted-foreground" aria-live="polite" data-testid="total-count">
          {summary}
        </div>
        {actions}
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <div className="flex items-center gap-2">
          <span id="rows-per-page" className="text-muted-foreground">
            {t('table.rowsPerPage')}
          </span>
          <Select
            aria-labelledby="rows-per-page"
            value={String(pageSize)}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
            className="h-8 w-[4.75rem]"
          >
            {pageSizes.map((size) => (
              <option key={size} value={String(size)}>
                {size}
              </option>
            ))}
          </Select>
        </div>
        <span className="min-w-24 text-center font-medium tabular-nums">
          {t('table.pageOf', {
            page: nf.format(pageIndex + 1),
            count: loading ? '…' : nf.format(pageCount),
          })}
        </span>
        <div className="flex items-center gap-1">
          <PageButton
            label={t('table.firstPage')}
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.firstPage()}
          >
            <ChevronsLeftIcon aria-hidden />
          </PageButton>
          <PageButton
            label={t('table.previousPage')}
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.previousPage()}
          >
            <ChevronLeftIcon aria-hidden />
          </PageButton>
          <PageButton
            label={t('table.nextPage')}
            disabled={loading || !table.getCanNextPage()}
            onClick={() => table.nextPage()}
          >
            <ChevronRightIcon aria-hidden />
          </PageButton>
          <PageButton
            label={t('table.lastPage')}
            disabled={loading || !table.getCanNextPage()}
            onClick={() => table.lastPage()}
          >
            <ChevronsRightIcon aria-hidden />
          </PageButton>
        </div>
      </div>
    </nav>
  )
}

function PageButton({
  label,
  disabled,
  onClick,
  children,
}: {
  label: string
  disabled: boolean
  onClick: () => void
  children: ReactNode
}) {
  return (
    <Button
      variant="outline"
      size="icon-sm"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </Button>
  )
}
