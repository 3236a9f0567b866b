import type { Image } from '@contract/api'
import { Badge } from '@/components/ui/badge'
import { formatCount, formatDateTime, formatRelative, formatSize, toDate } from '@/lib/format'
import { statusOption } from '../image-status'
import { cellValue } from './images-cell-value'
import { formatYuan, numberOf, softwares, textOf, visibilityOf } from '../images-values'
import { useCellI18n } from './images-cell-i18n'
import { ReasonText } from './images-reason'
import { RowIcon } from './row-icons'

/** The status badge and, for a failed image, its reason (`wrapReason`: always two lines). */
export function StatusCell({ image, wrapReason }: { image: Image; wrapReason?: boolean }) {
  const { t } = useCellI18n()
  const option = statusOption(image.Status)
  const reason = textOf(image.FailedReason)
  const raw = textOf(image.Status)
  return (
    <div className="flex min-w-0 flex-col items-start gap-1">
      {cellValue(
        image,
        ['Status'],
        option ? (
          // No spinning icon for Making: Chromium restyled every spinning row on the main thread
          // each frame (a page of 100 Making rows: ~40 ms of style work a second, and long tasks
          // on every filter change; `npx tsx bench/trace.ts idle`). The dashed circle says
          // "in progress".
          <Badge tone={option.tone}>
            <RowIcon name={option.value} />
            {t(option.labelKey)}
          </Badge>
        ) : raw ? (
          <Badge tone="neutral">{t('status.unknown', { value: raw })}</Badge>
        ) : null,
      )}
      {reason && <ReasonText reason={reason} wrap={wrapReason} />}
    </div>
  )
}

export function TypeCell({ image }: { image: Image }) {
  const { t } = useCellI18n()
  const type = textOf(image.ImageType)
  return cellValue(
    image,
    ['ImageType'],
    type && <span className="whitespace-nowrap">{t(`type.${type}`, { defaultValue: type })}</span>,
  )
}

export function VisibilityCell({ image }: { image: Image }) {
  const { t } = useCellI18n()
  const visibility = visibilityOf(image)
  return cellValue(
    image,
    ['Visibility'],
    visibility ? (
      <span className="inline-flex items-center gap-1.5">
        <RowIcon name={visibility} className="size-3.5 text-muted-foreground" />
        {t(`value.${visibility}`)}
      </span>
    ) : (
      textOf(image.Visibility)
    ),
  )
}

export function FrameworkCell({ image }: { image: Image }) {
  const { framework, version } = softwares(image)
  return cellValue(
    image,
    ['Softwares', 'Softwares.Framework', 'Softwares.FrameworkVersion'],
    framework && (
      <span className="block truncate" title={version ? `${framework} ${version}` : framework}>
        {framework}
        {version && <span className="ml-1 text-muted-foreground">{version}</span>}
      </span>
    ),
  )
}

export function CudaCell({ image }: { image: Image }) {
  return cellValue(image, ['Softwares', 'Softwares.CUDAVersion'], softwares(image).cuda)
}

export function TextCell({
  image,
  field,
}: {
  image: Image
  field: 'SourceGpuType' | 'VersionName'
}) {
  return cellValue(image, [field], textOf(image[field]))
}

export function SizeCell({ image }: { image: Image }) {
  const { i18n } = useCellI18n()
  return cellValue(image, ['Size'], formatSize(numberOf(image.Size), i18n.language))
}

export function PriceCell({ image }: { image: Image }) {
  const { t, i18n } = useCellI18n()
  const price = numberOf(image.Price)
  return cellValue(
    image,
    ['Price'],
    price === 0 ? (
      <Badge tone="success">{t('value.free')}</Badge>
    ) : (
      formatYuan(price, i18n.language)
    ),
  )
}

export function TimeCell({ image, field }: { image: Image; field: 'CreateTime' | 'PubTime' }) {
  const { i18n } = useCellI18n()
  const seconds = numberOf(image[field])
  const date = toDate(seconds)
  return cellValue(
    image,
    [field],
    date && (
      <time
        dateTime={date.toISOString()}
        title={formatDateTime(seconds, i18n.language) ?? undefined}
        className="whitespace-nowrap"
      >
        {formatRelative(seconds, i18n.language)}
      </time>
    ),
  )
}

export function CountCell({
  image,
  field,
}: {
  image: Image
  field: 'CreatedCount' | 'FavoritesCount'
}) {
  const { i18n } = useCellI18n()
  return cellValue(image, [field], formatCount(numberOf(image[field]), i18n.language))
}
