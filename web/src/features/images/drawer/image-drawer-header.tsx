import { BadgeCheck, Cpu, ImageIcon, Tag } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { IMAGE_TYPES, type ImageDetail } from '@contract/api'
import { Badge } from '@/components/ui/badge'
import { SheetDescription, SheetTitle } from '@/components/ui/sheet'
import { CopyButton } from './image-drawer-copy'
import { FailureCallout, type FailureHint } from './image-failure'
import { isBoolean, isNumber, isText, readField, StatusBadge, textOf } from './image-drawer-values'
import { ImageProgress } from './image-progress'
import { statusOption } from '../image-status'

/** Only absolute http(s) URLs are ever rendered as an image source. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function Cover({ url }: { url: string | null }) {
  const { t } = useTranslation('detail')
  const [failed, setFailed] = useState(false)
  const frame = 'size-14 shrink-0 overflow-hidden rounded-lg border bg-muted'
  if (!url || failed) {
    return (
      <div
        className={`${frame} flex items-center justify-center text-muted-foreground`}
        aria-hidden
      >
        <ImageIcon className="size-6" />
      </div>
    )
  }
  return (
    <img
      src={url}
      alt={t('header.cover')}
      referrerPolicy="no-referrer"
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
      className={`${frame} object-cover`}
    />
  )
}

function useStatusText(status: unknown): string {
  const { t } = useTranslation('common')
  if (typeof status !== 'string' || status === '') return t('value.empty')
  const option = statusOption(status)
  return option ? t(option.labelKey) : status
}

export function ImageDrawerHeader({ image, imageId }: { image?: ImageDetail; imageId: string }) {
  const { t } = useTranslation(['detail', 'common'])
  const name = textOf(image, 'Name')
  const type = textOf(image, 'ImageType')
  const gpu = textOf(image, 'SourceGpuType')
  const version = textOf(image, 'VersionName')
  const visibility = readField(image, 'Visibility', isNumber)
  const official = readField(image, 'IsOfficial', isBoolean)
  const statusText = useStatusText(image?.Status)

  return (
    <div className="flex gap-4 border-b px-4 py-4 sm:px-5">
      <Cover key={String(image?.Cover)} url={safeHttpUrl(image?.Cover)} />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <SheetTitle className="leading-snug [overflow-wrap:anywhere]">{name ?? imageId}</SheetTitle>
        <SheetDescription className="sr-only">
          {t('description', { id: imageId, status: statusText })}
        </SheetDescription>
        <div className="-my-1 flex min-w-0 items-center gap-1">
          <code className="truncate font-mono text-xs text-muted-foreground">{imageId}</code>
          <CopyButton text={imageId} label={t('copy.id')} className="size-7" />
        </div>
        {image && (
          <div className="flex flex-wrap items-center gap-1.5">
            <StatusBadge status={image.Status} />
            {type && (
              <Badge tone="primary">
                {(IMAGE_TYPES as readonly string[]).includes(type)
                  ? t(`common:type.${type}`)
                  : type}
              </Badge>
            )}
            {visibility.state === 'ok' && (
              <Badge>
                {visibility.value === 0
                  ? t('common:value.private')
                  : visibility.value === 1
                    ? t('common:value.public')
                    : String(visibility.value)}
              </Badge>
            )}
            {official.state === 'ok' && official.value && (
              <Badge tone="info">
                <BadgeCheck aria-hidden />
                {t('header.official')}
              </Badge>
            )}
            {gpu && (
              <Badge>
                <Cpu aria-hidden />
                {t('header.gpu', { gpu })}
              </Badge>
            )}
            {version && (
              <Badge>
                <Tag aria-hidden />
                {t('header.version', { version })}
              </Badge>
            )}
          </div>
        )}
      </div>
    </div>
  )
}

/** What needs attention before the tabs: why a build failed, or how far a build has got. */
export function ImageAlerts({
  image,
  hint,
  footer,
}: {
  image: ImageDetail
  hint?: FailureHint | null
  footer?: ReactNode
}) {
  const reason = readField(image, 'FailedReason', isText)
  const making = image.Status === 'Making'
  if (reason.state === 'empty' && !making) return null
  return (
    <div className="flex flex-col gap-3">
      {reason.state !== 'empty' && <FailureCallout reason={reason} hint={hint} footer={footer} />}
      {making && <ImageProgress progress={image.progress} />}
    </div>
  )
}
