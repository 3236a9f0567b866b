import { useQuery } from '@tanstack/react-query'
import { ArrowLeftRight, GitCompareArrows } from 'lucide-react'
import { lazy, Suspense, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image, Scope } from '@contract/api'
import { imageQueryOptions } from '@/api/image-detail'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import { DrawerError, Skeleton } from './image-drawer-states'
import { useLocale } from './image-drawer-values'
import { FieldsTable, versionLabel } from './version-fields-table'

// jsdiff and the diff view are fetched only when two readmes are compared.
const VersionReadmeDiff = lazy(() => import('./version-readme-diff'))

function ReadmeSection({ before, after, scope }: { before: string; after: string; scope: Scope }) {
  const { t } = useTranslation('detail')
  const a = useQuery(imageQueryOptions({ id: before, ...scope }))
  const b = useQuery(imageQueryOptions({ id: after, ...scope }))
  const failed = a.isError ? a : b.isError ? b : null
  const loading = (
    <div className="flex flex-col gap-1.5" aria-busy>
      <span className="sr-only">{t('compare.readmeLoading')}</span>
      <Skeleton className="h-4 w-1/3" />
      <Skeleton className="h-24 w-full" />
    </div>
  )
  return (
    <section className="flex flex-col gap-2" aria-label={t('compare.readme')}>
      <h4 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        {t('compare.readme')}
      </h4>
      {failed ? (
        <DrawerError
          title={t('compare.readmeError')}
          error={failed.error}
          imageId={failed === a ? before : after}
          onRetry={() => void failed.refetch()}
        />
      ) : a.data && b.data ? (
        <Suspense fallback={loading}>
          <VersionReadmeDiff before={a.data} after={b.data} />
        </Suspense>
      ) : (
        loading
      )}
    </section>
  )
}

/** Any two versions of the family side by side: fields, tags and a line diff of the readmes. */
export function VersionCompare({
  versions,
  initialPair,
  scope,
}: {
  versions: readonly Image[]
  initialPair: [string, string]
  scope: Scope
}) {
  const { t } = useTranslation('detail')
  const locale = useLocale()
  const id = useId()
  const [[from, to], setPair] = useState(initialPair)
  const byId = new Map(versions.map((v) => [v.CompShareImageId ?? '', v]))
  const before = byId.get(from)
  const after = byId.get(to)
  const options = versions
    .filter((v) => v.CompShareImageId)
    .map((v) => (
      <option key={v.CompShareImageId} value={v.CompShareImageId ?? ''}>
        {versionLabel(v, locale)}
      </option>
    ))

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 sm:rounded-lg sm:border sm:p-4"
      data-testid="version-compare"
    >
      <h3 id={`${id}-title`} className="flex items-center gap-2 text-sm font-semibold">
        <GitCompareArrows className="size-4 text-muted-foreground" aria-hidden />
        {t('compare.title')}
      </h3>
      {/* Phone: the two pickers stacked with Swap beside them; wider: From, Swap, To in a row. */}
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-2 gap-y-2 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] sm:items-end">
        <label className="col-start-1 row-start-1 flex min-w-0 flex-col gap-1 text-xs font-medium text-muted-foreground">
          {t('compare.from')}
          <Select
            className="h-9 w-full text-foreground"
            value={from}
            onChange={(event) => setPair([event.target.value, to])}
          >
            {options}
          </Select>
        </label>
        <Button
          variant="outline"
          size="icon"
          className="col-start-2 row-span-2 row-start-1 self-center sm:row-span-1 sm:self-end"
          aria-label={t('compare.swap')}
          title={t('compare.swap')}
          onClick={() => setPair([to, from])}
        >
          <ArrowLeftRight aria-hidden className="rotate-90 sm:rotate-0" />
        </Button>
        <label className="col-start-1 row-start-2 flex min-w-0 flex-col gap-1 text-xs font-medium text-muted-foreground sm:col-start-3 sm:row-start-1">
          {t('compare.to')}
          <Select
            className="h-9 w-full text-foreground"
            value={to}
            onChange={(event) => setPair([from, event.target.value])}
          >
            {options}
          </Select>
        </label>
      </div>
      {from === to ? (
        <p className="text-sm text-muted-foreground">{t('compare.sameVersion')}</p>
      ) : before && after ? (
        <>
          <FieldsTable before={before} after={after} />
          <ReadmeSection before={from} after={to} scope={scope} />
        </>
      ) : null}
    </section>
  )
}
