import { useQuery } from '@tanstack/react-query'
import { CircleCheckIcon, FilterXIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { failuresQueryOptions, type FailuresParams } from '@/api/failures'
import type { ImagesListParams } from '@/api/images'
import { EmptyState } from '@/components/layout/empty-state'
import { ErrorView } from '@/components/layout/error-view'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { useNow } from '@/hooks/use-now'
import { numberFormat } from '@/lib/format'
import { FailureGroupCard } from './failure-group-card'

/**
 * The triage view (design.md §6 `view=failures`): the list's failed images grouped by cause,
 * largest group first. The page owns the URL: it passes the list's filters in, says where a group
 * leads (`reason=<key>` on the list) and what opening one does.
 */
export function FailuresView({
  params,
  groupHref,
  onOpenGroup,
  hasFilters = false,
  onClearFilters,
}: {
  params: FailuresParams & ImagesListParams
  groupHref: (key: string) => string
  onOpenGroup: (key: string) => void
  hasFilters?: boolean
  onClearFilters?: () => void
}) {
  const { t, i18n } = useTranslation('failures')
  const query = useQuery(failuresQueryOptions(params))
  const now = useNow(60_000)
  const data = query.data

  if (query.isError && !data) {
    return (
      <div className="flex flex-1 items-start justify-center overflow-auto py-8">
        <ErrorView
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </div>
    )
  }

  const nf = numberFormat(i18n.language)
  return (
    <section
      aria-labelledby="failures-title"
      aria-busy={query.isFetching}
      data-testid="failures-view"
      className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto pb-6"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="failures-title" className="text-base font-semibold">
          {t('title')}
        </h2>
        {data && (
          <p className="text-sm text-muted-foreground">
            {t('summary', { groups: nf.format(data.groups.length), total: nf.format(data.total) })}
          </p>
        )}
      </div>
      {!data ? (
        <div className="flex flex-col gap-2" aria-hidden>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24 rounded-lg" />
          ))}
        </div>
      ) : data.groups.length === 0 ? (
        <EmptyState
          icon={hasFilters ? FilterXIcon : CircleCheckIcon}
          title={t('empty.title')}
          action={
            hasFilters &&
            onClearFilters && (
              <Button variant="outline" onClick={onClearFilters}>
                {t('empty.clear')}
              </Button>
            )
          }
        >
          {hasFilters ? t('empty.filtered') : undefined}
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-2">
          {data.groups.map((group) => (
            <FailureGroupCard
              key={group.key}
              group={group}
              href={groupHref(group.key)}
              onOpen={onOpenGroup}
              now={now}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
