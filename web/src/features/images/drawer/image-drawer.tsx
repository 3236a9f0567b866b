import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useRef, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image, ImageDetail, Scope } from '@contract/api'
import { imageQueryOptions } from '@/api/image-detail'
import { Sheet, SheetContent } from '@/components/ui/sheet'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { ImageAlerts, ImageDrawerHeader } from './image-drawer-header'
import { ImageDrawerNav, type DrawerNeighbours } from './image-drawer-nav'
import { useFailureHint } from './use-failure-hint'
import { DrawerError, DrawerSkeleton, PanelBoundary, Skeleton } from './image-drawer-states'
import { ImageJson } from './image-json'
import { ImageOverview } from './image-overview'
import { ImageSoftware } from './image-software'
import { ImageVersions, NewestAvailableLink } from './image-versions'

export type DetailTab = 'overview' | 'readme' | 'software' | 'versions' | 'json'
export const DETAIL_TABS: readonly DetailTab[] = [
  'overview',
  'readme',
  'software',
  'versions',
  'json',
]

export function isDetailTab(value: unknown): value is DetailTab {
  return (DETAIL_TABS as readonly unknown[]).includes(value)
}

// The markdown stack is the heaviest part of the drawer: its own chunk, fetched on first use.
const loadReadme = () => import('./image-readme')
const ImageReadme = lazy(loadReadme)

export interface ImageDrawerProps {
  imageId: string
  scope: Scope
  tab: DetailTab
  onTabChange: (tab: DetailTab) => void
  onClose: () => void
  /** The list's record, shown in the header while the detail loads. */
  initial?: Image
  /** Switch the drawer to another image (a version of the same group). */
  onSelectImage?: (id: string) => void
  /** The list page's ids in order, for previous/next and `j`/`k` (the tab is kept). */
  neighbours?: DrawerNeighbours
  /** What "Copy link" copies (app.tsx adds the columns' `hide`); else this page's URL. */
  shareLink?: () => string
}

function TabPanels({
  image,
  scope,
  onSelectImage,
}: {
  image: ImageDetail
  scope: Scope
  onSelectImage?: (id: string) => void
}) {
  const { t } = useTranslation('detail')
  const id = image.CompShareImageId ?? ''
  const panel = 'pt-1'
  return (
    <>
      <TabsContent value="overview" className={panel}>
        <PanelBoundary resetKey={`overview-${id}`}>
          <ImageOverview image={image} />
        </PanelBoundary>
      </TabsContent>
      <TabsContent value="readme" className={panel}>
        <PanelBoundary resetKey={`readme-${id}`}>
          <Suspense
            fallback={
              <div role="status" className="flex flex-col gap-2">
                <span className="sr-only">{t('readme.loading')}</span>
                <Skeleton className="h-6 w-1/2" />
                <Skeleton className="h-4 w-full" />
                <Skeleton className="h-4 w-5/6" />
              </div>
            }
          >
            <ImageReadme image={image} />
          </Suspense>
        </PanelBoundary>
      </TabsContent>
      <TabsContent value="software" className={panel}>
        <PanelBoundary resetKey={`software-${id}`}>
          <ImageSoftware image={image} />
        </PanelBoundary>
      </TabsContent>
      <TabsContent value="versions" className={panel}>
        <PanelBoundary resetKey={`versions-${id}`}>
          <ImageVersions image={image} scope={scope} onSelectImage={onSelectImage} />
        </PanelBoundary>
      </TabsContent>
      <TabsContent value="json" className={panel}>
        <PanelBoundary resetKey={`json-${id}`}>
          <ImageJson image={image} />
        </PanelBoundary>
      </TabsContent>
    </>
  )
}

/**
 * One image in a right-side sheet (a Radix Dialog: focus trap, Escape, focus returns to the row).
 * The URL owns `image` and `tab`; this component only reports changes. Stepping to a neighbour
 * keeps the sheet, the tab strip and the tab: the list's record fills in while the detail loads.
 */
export function ImageDrawer({
  imageId,
  scope,
  tab,
  onTabChange,
  onClose,
  initial,
  onSelectImage,
  neighbours,
  shareLink,
}: ImageDrawerProps): JSX.Element {
  const { t } = useTranslation('detail')
  const query = useQuery(imageQueryOptions({ id: imageId, ...scope }))
  const seed = initial && initial.CompShareImageId === imageId ? initial : undefined
  const image = query.data ?? seed
  const current = isDetailTab(tab) ? tab : 'overview'
  const hint = useFailureHint(image, scope)

  // A new image starts at the top (its callout and tabs), whichever tab stays selected.
  const scroller = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0
  }, [imageId])

  const pending = query.isError ? (
    <DrawerError error={query.error} imageId={imageId} onRetry={() => void query.refetch()} />
  ) : (
    <DrawerSkeleton label={t('loading')} />
  )

  return (
    <Sheet open onOpenChange={(open) => !open && onClose()}>
      <SheetContent
        closeLabel={t('close')}
        data-testid="image-drawer"
        // Focus the dialog itself, not its first button: the title is announced and no focus ring
        // lands on "Previous". Tab then walks the header, tabs and panel. Focus return is untouched.
        onOpenAutoFocus={(event) => {
          event.preventDefault()
          ;(event.currentTarget as HTMLElement | null)?.focus()
        }}
      >
        <ImageDrawerNav imageId={imageId} neighbours={neighbours} shareLink={shareLink} />
        <ImageDrawerHeader image={image} imageId={imageId} />
        <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
          <div className="flex flex-col gap-4 px-4 py-4 sm:px-5">
            {image ? (
              <>
                <ImageAlerts
                  image={image}
                  hint={hint}
                  footer={
                    image.Status === 'UnAvailable' && image.GroupId ? (
                      <NewestAvailableLink
                        image={image}
                        scope={scope}
                        onSelectImage={onSelectImage}
                      />
                    ) : undefined
                  }
                />
                <Tabs
                  value={current}
                  onValueChange={(value) => isDetailTab(value) && onTabChange(value)}
                >
                  <div className="sticky top-0 z-10 -mx-4 -my-2 bg-background/95 px-4 py-2 backdrop-blur supports-[backdrop-filter]:bg-background/80 sm:-mx-5 sm:px-5">
                    <TabsList aria-label={t('tabs.label')} data-testid="drawer-tabs">
                      {DETAIL_TABS.map((value) => (
                        <TabsTrigger
                          key={value}
                          value={value}
                          className="shrink-0"
                          onPointerEnter={value === 'readme' ? () => void loadReadme() : undefined}
                          onFocus={value === 'readme' ? () => void loadReadme() : undefined}
                        >
                          {t(`tabs.${value}`)}
                        </TabsTrigger>
                      ))}
                    </TabsList>
                  </div>
                  {query.data ? (
                    <TabPanels image={query.data} scope={scope} onSelectImage={onSelectImage} />
                  ) : (
                    <TabsContent value={current} className="pt-1">
                      {pending}
                    </TabsContent>
                  )}
                </Tabs>
              </>
            ) : (
              pending
            )}
          </div>
        </div>
      </SheetContent>
    </Sheet>
  )
}

export default ImageDrawer
