import { TriangleAlertIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import type { Image } from '@contract/api'
import { Badge } from '@/components/ui/badge'
import { formatRaw } from '@/lib/format'
import { firstMalformed } from '../images-values'
import { useCellI18n } from './images-cell-i18n'

export function EmptyValue() {
  const { t } = useCellI18n()
  return <span className="text-muted-foreground">{t('value.empty')}</span>
}

export function MalformedValue({ raw }: { raw: unknown }) {
  const { t } = useCellI18n()
  const text = t('value.malformed', { raw: formatRaw(raw) })
  return (
    <Badge
      tone="warning"
      title={text}
      aria-label={text}
      data-testid="malformed-value"
      className="cursor-help"
    >
      <TriangleAlertIcon aria-hidden />
      {t('value.malformedShort')}
    </Badge>
  )
}

/**
 * A cell value, or the malformed marker when any of `paths` arrived unusable, or "—" for null. A
 * function, not a component: one component less in each of a 100-row page's ~1,500 cells.
 */
export function cellValue(image: Image, paths: readonly string[], value: ReactNode): ReactNode {
  const bad = firstMalformed(image, paths)
  if (bad) return <MalformedValue raw={bad.raw} />
  if (value === null || value === undefined || value === '') return <EmptyValue />
  return value
}
