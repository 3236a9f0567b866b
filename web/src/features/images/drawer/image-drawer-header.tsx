import { BadgeCheck, Cpu, ImageIcon, OctagonX, Tag } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMAGE_TYPES, type ImageDetail } from '@contract/api'
import { Badge } from '@/components/ui/badge'
import { Callout, CalloutDescription, CalloutTitle } from '@/components/ui/callout'
import { SheetDescription, SheetTitle } from '@/components/ui/sheet'
import { CopyButton } from './image-drawer-copy'
import {
  isBoolean,
  isNumber,
  isText,
  MalformedValue,
  readField,
  StatusBadge,
  textOf,
} from './image-drawer-values'
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
    <div className="flex gap-4 border-b px-5 py-4 pr-14">
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
export function ImageAlerts({ image }: { image: ImageDetail }) {
  const { t } = useTranslation('detail')
  const reason = readField(image, 'FailedReason', isText)
  const making = image.Status === 'Making'
  if (reason.state === 'empty' && !making) return null
  return (
    <div className="flex flex-col gap-3">
      {reason.state !== 'empty' && (
        <Callout
          tone="danger"
          icon={<OctagonX aria-hidden />}
          className="border-2"
          data-testid="failure-callout"
        >
          <div className="flex items-start justify-between gap-2">
            <CalloutTitle className="text-base text-destructive">{t('failed.title')}</CalloutTitle>
            {reason.state === 'ok' && (
              <CopyButton
                text={reason.value}
                label={t('copy.reason')}
                className="-mt-1.5 -mr-1.5 size-7"
              />
            )}
          </div>
          <p className="text-xs text-muted-foreground">{t('failed.hint')}</p>
          <CalloutDescription className="font-mono text-[13px] leading-relaxed whitespace-pre-wrap">
            {reason.state === 'ok' ? reason.value : <MalformedValue raw={reason.raw} />}
          </CalloutDescription>
        </Callout>
      )}
      {making && <ImageProgress progress={image.progress} />}
    </div>
  )
}
