import { FilterXIcon, PackageOpenIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { Scope } from '@contract/api'
import { EmptyState } from '@/components/layout/empty-state'
import { Button } from '@/components/ui/button'
import type { ActiveFilter } from '../search/active-filters'
import { useFilterLabel } from '../search/filter-labels'

/** Says what hides the results (and offers to clear it), or that the list is simply empty. */
export function ImagesEmptyState({
  filters,
  scope,
  page,
  total,
  onClearFilters,
  onFirstPage,
  reasonSummary,
}: {
  filters: readonly ActiveFilter[]
  scope: Scope
  page: number
  total: number
  onClearFilters: () => void
  onFirstPage: () => void
  /** The `reason=` group's summary line, when known (the chips show the same). */
  reasonSummary?: string
}) {
  const { t } = useTranslation('images')
  const labelOf = useFilterLabel({ reasonSummary })
  if (total > 0 && page > 1) {
    return (
      <EmptyState
        icon={PackageOpenIcon}
        title={t('empty.beyondTitle')}
        action={
          <Button variant="outline" onClick={onFirstPage}>
            {t('empty.firstPage')}
          </Button>
        }
      >
        {t('empty.beyond', { page })}
      </EmptyState>
    )
  }
  if (filters.length > 0) {
    return (
      <EmptyState
        icon={FilterXIcon}
        title={t('empty.title')}
        action={
          <Button variant="outline" onClick={onClearFilters}>
            {t('empty.clear')}
          </Button>
        }
      >
        {t('empty.hiddenBy', { filters: filters.map(labelOf).join(', ') })}
      </EmptyState>
    )
  }
  return (
    <EmptyState icon={PackageOpenIcon} title={t('empty.noneTitle')}>
      {t('empty.none', {
        zone: scope.zone,
        project: scope.project ? t('empty.inProject', { project: scope.project }) : '',
      })}
    </EmptyState>
  )
}
