import { useTranslation } from 'react-i18next'
import type { Image } from '@contract/api'
import { Badge } from '@/components/ui/badge'
import { formatDateTime, formatSize } from '@/lib/format'
import { cn } from '@/lib/utils'
import { EmptyValue, StatusBadge, textOf, useLocale } from './image-drawer-values'
import { compareVersions, type FieldChange } from './version-diff'

/** A version as the compare menus and the table name it: its name (or id) and when it was made. */
export function versionLabel(image: Image, locale: string): string {
  const version = textOf(image, 'VersionName') ?? textOf(image, 'CompShareImageId') ?? '?'
  const created = formatDateTime(image.CreateTime, locale)
  return created ? `${version} · ${created}` : version
}

const FIELD_LABELS: Record<FieldChange['path'], string> = {
  Status: 'field.Status',
  Size: 'field.Size',
  'Softwares.Framework': 'field.Framework',
  'Softwares.FrameworkVersion': 'field.FrameworkVersion',
  'Softwares.CUDAVersion': 'field.CUDAVersion',
  'Softwares.Applications': 'field.Applications',
  Tags: 'field.Tags',
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

/** The fields two versions differ in, before and after (image-version-compare.tsx). */
export function FieldsTable({ before, after }: { before: Image; after: Image }) {
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
