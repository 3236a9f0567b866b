import { useQuery } from '@tanstack/react-query'
import { ArrowLeftRight, GitCompareArrows } from 'lucide-react'
import { lazy, Suspense, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image, Scope } from '@contract/api'
import { imageQueryOptions } from '@/api/image-detail'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import { formatDateTime, formatSize } from '@/lib/format'
import { cn } from '@/lib/utils'
import { DrawerError, Skeleton } from './image-drawer-states'
import { EmptyValue, StatusBadge, textOf, useLocale } from './image-drawer-values'
import { compareVersions, type FieldChange } from './version-diff'

// jsdiff and the diff view are fetched only when two readmes are compared.
const VersionReadmeDiff = lazy(() => import('./version-readme-diff'))

const FIELD_LABELS: Record<FieldChange['path'], string> = {
  Status: 'field.Status',
  Size: 'field.Size',
  'Softwares.Framework': 'field.Framework',
  'Softwares.FrameworkVersion': 'field.FrameworkVersion',
  'Softwares.CUDAVersion': 'field.CUDAVersion',
  'Softwares.Applications': 'field.Applications',
  Tags: 'field.Tags',
}

export function versionLabel(image: Image, locale: string): string {
  const version = textOf(image, 'VersionName') ?? textOf(image, 'CompShareImageId') ?? '?'
  const created = formatDateTime(image.CreateTime, locale)
  return created ? `${version} · ${created}` : version
}

function Value({ change, side }: { change: FieldChange; side: 'before' | 'after' }) {
  const { t } = useTranslation('detail')
  const locale = useLocale()
  if (change.kind === 'list') {
    const items = change[side]
    if (items.length === 0) return <EmptyValue />
    const marked = side === 'before' ? change.removed : change.added
    return (
      <ul className="flex flex-wrap gap-1">
        {items.map((item, index) => {
          const mark = marked.includes(item)
          return (
            <li key={`${index}-${item}`}>
              <Badge
                className={cn(
                  'max-w-full [overflow-wrap:anywhere] whitespace-normal',
                  // Foreground text on a tinted chip: the tone's own text colour is too faint here.
                  mark &&
                    side === 'before' &&
                    'border-destructive/60 bg-destructive/15 text-foreground line-through',
                  mark && side === 'after' && 'border-success/60 bg-success/15 text-foreground',
                )}
              >
                {mark && <span aria-hidden>{side === 'before' ? '−' : '+'}</span>}
                {mark && (
                  <span className="sr-only">
                    {t(side === 'before' ? 'compare.removed' : 'compare.added')}{' '}
                  </span>
                )}
                {item}
              </Badge>
            </li>
          )
        })}
      </ul>
    )
  }
  const value = change[side]
  if (value === null || value === undefined) return <EmptyValue />
  if (change.kind === 'status') return <StatusBadge status={value} />
  if (change.kind === 'size' && typeof value === 'number') {
    return <span className="tabular-nums">{formatSize(value, locale) ?? String(value)}</span>
  }
  return (
    <span className="[overflow-wrap:anywhere]">
      {typeof value === 'string' ? value : JSON.stringify(value)}
    </span>
  )
}

function FieldsTable({ before, after }: { before: Image; after: Image }) {
  const { t } = useTranslation('detail')
  const locale = useLocale()
  const changes = compareVersions(before, after)
  const changed = changes.filter((change) => change.changed).length
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm" data-testid="compare-summary">
        {changed === 0
          ? t('compare.noFieldChanges')
          : t('compare.fieldChanges', { count: changed })}
      </p>
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full table-fixed text-sm" data-testid="compare-fields">
          <caption className="sr-only">{t('compare.fieldsCaption')}</caption>
          <thead className="bg-muted/60 text-xs text-muted-foreground">
            <tr>
              <th
                scope="col"
                className="w-[27%] px-2 py-2 text-left font-medium sm:w-[30%] sm:px-3"
              >
                {t('compare.field')}
              </th>
              <th
                scope="col"
                className="px-2 py-2 text-left font-medium [overflow-wrap:anywhere] sm:px-3"
              >
                {versionLabel(before, locale).split(' · ')[0]}
              </th>
              <th
                scope="col"
                className="px-2 py-2 text-left font-medium [overflow-wrap:anywhere] sm:px-3"
              >
                {versionLabel(after, locale).split(' · ')[0]}
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr
                key={change.path}
                data-changed={change.changed || undefined}
                // A bar at the row's edge marks a change; a tint would dim the status badges' contrast.
                className={cn(
                  'border-t align-top',
                  change.changed && '[box-shadow:inset_3px_0_0_var(--color-warning)]',
                )}
              >
                <th scope="row" className="px-2 py-2 text-left text-xs font-medium sm:px-3">
                  <span className="flex flex-col gap-0.5">
                    {t(FIELD_LABELS[change.path])}
                    <span
                      className={cn(
                        'text-[11px] font-normal',
                        change.changed ? 'text-warning' : 'text-muted-foreground',
                      )}
                    >
                      {change.changed ? t('compare.changed') : t('compare.same')}
                    </span>
                  </span>
                </th>
                <td className="px-2 py-2 sm:px-3 [&_[data-slot=badge]]:whitespace-normal">
                  <Value change={change} side="before" />
                </td>
                <td
                  className={cn(
                    'px-2 py-2 sm:px-3 [&_[data-slot=badge]]:whitespace-normal',
                    change.changed && 'font-medium',
                  )}
                >
                  <Value change={change} side="after" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

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
