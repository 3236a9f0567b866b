import { useQuery } from '@tanstack/react-query'
import { ArrowRight, CircleCheck, GitBranch, Layers, TriangleAlert } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { Image, ImageDetail, Scope } from '@contract/api'
import { imageVersionsQueryOptions } from '@/api/image-detail'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Callout, CalloutDescription, CalloutTitle } from '@/components/ui/callout'
import { cn } from '@/lib/utils'
import { DrawerError, EmptyState, Skeleton } from './image-drawer-states'
import { isNumber, StatusBadge, textOf, TimeValue, useLocale } from './image-drawer-values'
import { VersionCompare } from './image-version-compare'
import { versionLabel } from './version-fields-table'
import { defaultPair, newestAvailable } from './version-diff'

function VersionBody({ image, current }: { image: Image; current: boolean }) {
  const { t } = useTranslation('detail')
  const name = textOf(image, 'Name') ?? textOf(image, 'CompShareImageId') ?? t('versions.unnamed')
  const version = textOf(image, 'VersionName')
  const notes = textOf(image, 'VersionDesc')
  return (
    <>
      <span className="flex flex-wrap items-center gap-2">
        {version && (
          <Badge tone="primary" className="font-mono">
            {version}
          </Badge>
        )}
        <span className="min-w-0 font-medium [overflow-wrap:anywhere]">{name}</span>
        {current && <Badge tone="info">{t('versions.current')}</Badge>}
        <span className="ml-auto">
          <StatusBadge status={image.Status} />
        </span>
      </span>
      {notes && <span className="text-sm whitespace-pre-wrap text-muted-foreground">{notes}</span>}
      <span className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
        <span className="font-mono">{textOf(image, 'CompShareImageId')}</span>
        {isNumber(image.CreateTime) && <TimeValue seconds={image.CreateTime} />}
      </span>
    </>
  )
}

/** On a failed version: where the family's newest working version is (or that there is none). */
function NewestAvailable({
  version,
  onSelectImage,
}: {
  version: Image | null
  onSelectImage?: (id: string) => void
}) {
  const { t } = useTranslation('detail')
  const locale = useLocale()
  const id = version ? textOf(version, 'CompShareImageId') : null
  if (!version || !id) {
    return (
      <Callout tone="warning" icon={<TriangleAlert aria-hidden />} data-testid="newest-available">
        <CalloutDescription>{t('versions.noneAvailable')}</CalloutDescription>
      </Callout>
    )
  }
  return (
    <Callout tone="success" icon={<CircleCheck aria-hidden />} data-testid="newest-available">
      <CalloutTitle>{t('versions.newestAvailable')}</CalloutTitle>
      <CalloutDescription className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <span className="font-medium">{versionLabel(version, locale)}</span>
        {onSelectImage && (
          <Button variant="outline" size="sm" onClick={() => onSelectImage(id)}>
            {t('versions.open', { version: textOf(version, 'VersionName') ?? id })}
            <ArrowRight aria-hidden />
          </Button>
        )}
      </CalloutDescription>
    </Callout>
  )
}

/** Under a failed build's callout: a way straight to the family's newest working version. */
export function NewestAvailableLink({
  image,
  scope,
  onSelectImage,
}: {
  image: Image
  scope: Scope
  onSelectImage?: (id: string) => void
}) {
  const { t } = useTranslation('detail')
  const query = useQuery(imageVersionsQueryOptions(scope, textOf(image, 'GroupId')))
  const newest = query.data ? newestAvailable(query.data, image.CompShareImageId) : null
  const id = newest ? textOf(newest, 'CompShareImageId') : null
  if (!newest || !id || !onSelectImage) return null
  const version = textOf(newest, 'VersionName') ?? id
  return (
    <p
      className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 border-t border-destructive/20 pt-2 text-sm"
      data-testid="failure-newest-available"
    >
      <CircleCheck className="size-4 text-success" aria-hidden />
      <span className="text-muted-foreground">{t('versions.newestAvailable')}</span>
      <Button
        variant="link"
        size="sm"
        className="h-auto p-0 font-medium"
        onClick={() => onSelectImage(id)}
      >
        {t('versions.open', { version })}
        <ArrowRight aria-hidden />
      </Button>
    </p>
  )
}

/**
 * The family (images of the same GroupId, newest first): on a failed version the newest working one,
 * any two versions compared, and the list, where choosing one switches the drawer to it.
 */
export function ImageVersions({
  image,
  scope,
  onSelectImage,
}: {
  image: ImageDetail
  scope: Scope
  onSelectImage?: (id: string) => void
}) {
  const { t } = useTranslation('detail')
  const groupId = textOf(image, 'GroupId')
  const currentId = textOf(image, 'CompShareImageId')
  const query = useQuery(imageVersionsQueryOptions(scope, groupId))

  if (!groupId) {
    return (
      <EmptyState
        icon={<GitBranch />}
        title={t('versions.noGroup')}
        hint={t('versions.noGroupHint')}
      />
    )
  }
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-2" aria-busy>
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} className="h-16 w-full" />
        ))}
      </div>
    )
  }
  if (query.isError) {
    return (
      <DrawerError
        title={t('versions.error')}
        error={query.error}
        imageId={groupId}
        onRetry={() => void query.refetch()}
      />
    )
  }
  const versions = query.data
  const others = versions.filter((version) => version.CompShareImageId !== currentId)
  const item = 'flex w-full flex-col gap-1.5 rounded-lg border p-3 text-left'
  const pair = defaultPair(versions, currentId)
  const failed = image.Status === 'UnAvailable'

  return (
    <div className="flex flex-col gap-3">
      {failed && others.length > 0 && (
        <NewestAvailable
          version={newestAvailable(versions, currentId)}
          onSelectImage={onSelectImage}
        />
      )}
      {pair && (
        <VersionCompare
          key={`${currentId}-${pair.join('-')}`}
          versions={versions}
          initialPair={pair}
          scope={scope}
        />
      )}
      <p className="flex items-center gap-2 text-xs text-muted-foreground">
        <Layers className="size-4" aria-hidden />
        {t('versions.count', { count: versions.length, group: groupId })}
      </p>
      <ul className="flex flex-col gap-2" aria-label={t('versions.list')}>
        {versions.map((version, index) => {
          const id = textOf(version, 'CompShareImageId')
          const current = id === currentId
          return (
            <li key={id ?? index}>
              {current || !id || !onSelectImage ? (
                <div
                  aria-current={current ? 'true' : undefined}
                  className={cn(
                    item,
                    current && 'border-primary/50 bg-card ring-1 ring-primary/30',
                  )}
                >
                  <VersionBody image={version} current={current} />
                </div>
              ) : (
                <button
                  type="button"
                  onClick={() => onSelectImage(id)}
                  className={cn(
                    item,
                    'cursor-pointer bg-card transition-colors outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring motion-reduce:transition-none',
                  )}
                >
                  <VersionBody image={version} current={false} />
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {others.length === 0 && <p className="text-sm text-muted-foreground">{t('versions.only')}</p>}
    </div>
  )
}
