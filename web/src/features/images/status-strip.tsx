import { useTranslation } from 'react-i18next'
import type { ImageStatus } from '@contract/api'
import { numberFormat } from '@/lib/format'
import { cn } from '@/lib/utils'
import { statusOption } from './image-status'

/** The strip's order (issue 10): the common outcomes first, then the ones in passing. */
export const STATUS_STRIP_ORDER: readonly ImageStatus[] = [
  'Available',
  'UnAvailable',
  'Making',
  'Reviewing',
  'Offline',
]

const DOT: Record<string, string> = {
  success: 'bg-success',
  danger: 'bg-destructive',
  info: 'bg-info',
  warning: 'bg-warning',
  neutral: 'bg-muted-foreground',
}

/**
 * "Available n · Unavailable n · Making n · Reviewing n · Offline n" over the list's filters
 * (its `facets.status`, which ignores the status filter itself), each a toggle of that status in
 * the `status=` filter. Above both the list and the triage view.
 */
export function StatusStrip({
  counts,
  selected,
  onToggle,
  className,
}: {
  counts: Readonly<Record<string, number>> | undefined
  selected: readonly string[]
  onToggle: (status: ImageStatus) => void
  className?: string
}) {
  const { t, i18n } = useTranslation('failures')
  const { t: tc } = useTranslation()
  const nf = numberFormat(i18n.language)
  return (
    <div
      role="group"
      aria-label={t('strip.label')}
      data-testid="status-strip"
      // One line on a phone (scrolls sideways) so the header stays short; wraps on wider screens.
      className={cn(
        'flex min-w-0 items-center gap-1.5 overflow-x-auto sm:flex-wrap sm:overflow-visible',
        className,
      )}
    >
      {STATUS_STRIP_ORDER.map((status) => {
        const option = statusOption(status)!
        const count = counts?.[status] ?? 0
        const on = selected.includes(status)
        const label = tc(option.labelKey)
        return (
          <button
            key={status}
            type="button"
            aria-pressed={on}
            aria-label={t('strip.toggle', { status: label, count: nf.format(count) })}
            onClick={() => onToggle(status)}
            className={cn(
              'inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full border px-2.5 text-xs whitespace-nowrap transition-colors outline-none focus-visible:ring-2 focus-visible:ring-ring sm:h-7',
              on
                ? 'border-primary bg-primary/10 font-medium text-foreground'
                : 'border-border text-muted-foreground hover:bg-muted hover:text-foreground',
            )}
          >
            <span className={cn('size-2 rounded-full', DOT[option.tone])} aria-hidden />
            <span>{label}</span>
            <span className="font-semibold text-foreground tabular-nums">
              {counts ? nf.format(count) : '–'}
            </span>
          </button>
        )
      })}
    </div>
  )
}

/** The `status=` list with one status added or taken out. */
export function toggleStatus(selected: readonly string[], status: ImageStatus): ImageStatus[] {
  const next = selected.includes(status)
    ? selected.filter((s) => s !== status)
    : [...selected, status]
  return next as ImageStatus[]
}
