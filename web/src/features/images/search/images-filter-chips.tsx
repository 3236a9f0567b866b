import { XIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import type { ActiveFilter } from './active-filters'
import { useFilterLabel } from './filter-labels'

/** Each active filter as a removable chip, plus Clear all. */
export function ImagesFilterChips({
  filters,
  onRemove,
  onClearAll,
  reasonSummary,
}: {
  filters: readonly ActiveFilter[]
  /** The `reason=` group's summary line, when known (else its chip shows the key). */
  reasonSummary?: string
  onRemove: (filter: ActiveFilter) => void
  onClearAll: () => void
}) {
  const { t } = useTranslation('images')
  const labelOf = useFilterLabel({ reasonSummary })
  if (filters.length === 0) return null
  return (
    <div
      className="flex flex-wrap items-center gap-1.5"
      role="group"
      aria-label={t('toolbar.activeFilters')}
    >
      <span className="mr-1 text-xs text-muted-foreground">{t('toolbar.activeFilters')}</span>
      <ul className="contents">
        {filters.map((filter) => {
          const label = labelOf(filter)
          return (
            <li
              key={`${filter.param}:${filter.value}`}
              className="inline-flex max-w-72 items-center gap-0.5 rounded-full border border-primary/25 bg-primary/8 py-0.5 pr-0.5 pl-2.5 text-xs text-foreground"
            >
              <span className="truncate" title={label}>
                {label}
              </span>
              <button
                type="button"
                onClick={() => onRemove(filter)}
                aria-label={t('toolbar.removeFilter', { label })}
                title={t('toolbar.removeFilter', { label })}
                className="inline-flex size-5 shrink-0 cursor-pointer items-center justify-center rounded-full text-muted-foreground hover:bg-primary/15 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                <XIcon className="size-3" aria-hidden />
              </button>
            </li>
          )
        })}
      </ul>
      <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={onClearAll}>
        {t('toolbar.clearAll')}
      </Button>
    </div>
  )
}
