import { TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '@/components/ui/badge'
import { formatDateTime, formatRaw, formatRelative, toDate } from '@/lib/format'
import { cn } from '@/lib/utils'
import { statusOption } from '../image-status'

/** Defensive reading of drifted records (design.md §2): every accessor survives any input. */
export type FieldRead<T> =
  { state: 'ok'; value: T } | { state: 'empty' } | { state: 'malformed'; raw: unknown }

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

export function getPath(record: unknown, path: string): unknown {
  let current: unknown = record
  for (const key of path.split('.')) {
    const object = asRecord(current)
    if (!object || !Object.hasOwn(object, key)) return undefined
    current = object[key]
  }
  return current
}

export function malformedEntries(image: unknown): Record<string, unknown> {
  return asRecord(asRecord(image)?.malformed) ?? {}
}

export const isText = (value: unknown): value is string => typeof value === 'string'
export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
export const isList = (value: unknown): value is unknown[] => Array.isArray(value)

/** A field is malformed when the proxy said so, or when it is present with the wrong type. */
export function readField<T>(
  image: unknown,
  path: string,
  guard: (value: unknown) => value is T,
): FieldRead<T> {
  const malformed = malformedEntries(image)
  if (Object.hasOwn(malformed, path)) return { state: 'malformed', raw: malformed[path] }
  const value = getPath(image, path)
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return { state: 'empty' }
  }
  return guard(value) ? { state: 'ok', value } : { state: 'malformed', raw: value }
}

export function textOf(image: unknown, path: string): string | null {
  const read = readField(image, path, isText)
  return read.state === 'ok' ? read.value : null
}

/** List items as display strings: non-string items are shown raw rather than dropped. */
export function listItems(values: unknown[]): string[] {
  return values
    .map((item) => (typeof item === 'string' ? item.trim() : formatRaw(item)))
    .filter((item) => item !== '')
}

export function useLocale(): string {
  const { i18n } = useTranslation()
  return i18n.resolvedLanguage ?? i18n.language ?? 'en'
}

export function EmptyValue() {
  const { t } = useTranslation('common')
  return <span className="text-muted-foreground">{t('value.empty')}</span>
}

export function MalformedValue({ raw, className }: { raw: unknown; className?: string }) {
  const { t } = useTranslation('common')
  return (
    <span
      data-malformed
      className={cn(
        'inline-flex max-w-full items-start gap-1 rounded-md border border-warning/30 bg-warning/10 px-1.5 py-0.5 text-xs font-medium text-warning',
        className,
      )}
    >
      <TriangleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
      <span className="font-mono [overflow-wrap:anywhere]">
        {t('value.malformed', { raw: formatRaw(raw) })}
      </span>
    </span>
  )
}

/** Renders a field: "—" when missing, a malformed marker when unusable, `children(value)` otherwise. */
export function FieldValue<T>({
  image,
  path,
  guard,
  children,
}: {
  image: unknown
  path: string
  guard: (value: unknown) => value is T
  children: (value: T) => ReactNode
}) {
  const read = readField(image, path, guard)
  if (read.state === 'empty') return <EmptyValue />
  if (read.state === 'malformed') return <MalformedValue raw={read.raw} />
  return <>{children(read.value)}</>
}

export function StatusBadge({ status }: { status: unknown }) {
  const { t } = useTranslation('common')
  if (typeof status !== 'string' || status === '') return <EmptyValue />
  const option = statusOption(status)
  if (!option) {
    return (
      <Badge tone="neutral" title={t('status.unknown', { value: status })}>
        {status}
      </Badge>
    )
  }
  const Icon = option.icon
  return (
    <Badge tone={option.tone}>
      <Icon aria-hidden />
      {t(option.labelKey)}
    </Badge>
  )
}

/** Exact local time plus a relative hint; the ISO instant goes in `dateTime`. */
export function TimeValue({ seconds }: { seconds: number }) {
  const locale = useLocale()
  const date = toDate(seconds)
  if (!date) return <span className="font-mono">{String(seconds)}</span>
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <time dateTime={date.toISOString()} title={date.toISOString()}>
        {formatDateTime(seconds, locale)}
      </time>
      <span className="text-xs text-muted-foreground">{formatRelative(seconds, locale)}</span>
    </span>
  )
}

export function Chips({
  items,
  tone = 'neutral',
}: {
  items: string[]
  tone?: 'neutral' | 'primary'
}) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((item, index) => (
        <li key={`${index}-${item}`}>
          <Badge tone={tone} className="max-w-full [overflow-wrap:anywhere] whitespace-normal">
            {item}
          </Badge>
        </li>
      ))}
    </ul>
  )
}
