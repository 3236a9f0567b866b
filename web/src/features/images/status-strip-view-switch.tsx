import { ListIcon, TriangleAlertIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { numberFormat } from '@/lib/format'
import { cn } from '@/lib/utils'

export type DashboardView = 'list' | 'failures'

/**
 * The list or the triage view (design.md §6 `view=`), as two links: each is a real URL (open in a
 * new tab, copy), and a plain click switches in place.
 */
export function ViewSwitch({
  view,
  hrefFor,
  onChange,
  failedCount,
  className,
}: {
  view: DashboardView
  hrefFor: (view: DashboardView) => string
  onChange: (view: DashboardView) => void
  /** Failed images under the current filters, shown on the triage tab when known. */
  failedCount?: number
  className?: string
}) {
  const { t, i18n } = useTranslation('failures')
  const items = [
    { value: 'list', label: t('views.list'), icon: ListIcon },
    { value: 'failures', label: t('views.failures'), icon: TriangleAlertIcon },
  ] as const
  return (
    <nav aria-label={t('views.label')} className={cn('flex shrink-0', className)}>
      <ul className="inline-flex rounded-md border bg-muted/40 p-0.5">
        {items.map(({ value, label, icon: Icon }) => {
          const current = view === value
          return (
            <li key={value}>
              <a
                href={hrefFor(value)}
                aria-current={current ? 'page' : undefined}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
                  event.preventDefault()
                  if (!current) onChange(value)
                }}
                className={cn(
                  'inline-flex h-8 items-center gap-1.5 rounded px-2.5 text-xs font-medium whitespace-nowrap outline-none focus-visible:ring-2 focus-visible:ring-ring sm:h-7',
                  current
                    ? 'bg-background text-foreground shadow-sm'
                    : 'text-muted-foreground hover:text-foreground',
                )}
              >
                <Icon className="size-3.5" aria-hidden />
                {label}
                {value === 'failures' && failedCount !== undefined && (
                  <span className="rounded bg-destructive/10 px-1 text-destructive tabular-nums">
                    {numberFormat(i18n.language).format(failedCount)}
                  </span>
                )}
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
