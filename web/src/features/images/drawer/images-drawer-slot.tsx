import { lazy, Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { notify } from '@/lib/notify'
import type { Image, Scope } from '@contract/api'
import { ErrorBoundary } from '@/components/layout/error-boundary'
import type { DrawerTab } from '../search/dashboard-search'
import type { DrawerNeighbours } from './image-drawer-nav'

// The drawer (and its markdown) is a lazy chunk: the list does not pay for it up front.
const loadDrawer = () => import('./image-drawer')
const ImageDrawer = lazy(loadDrawer)

/** Fetch the drawer's chunk while the browser is idle, so the first open is instant. */
let preloaded = false
export function preloadImageDrawer() {
  if (preloaded) return
  preloaded = true
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200))
  idle(() => void loadDrawer().catch(() => {}))
}

export function ImagesDrawerSlot({
  imageId,
  scope,
  tab,
  initial,
  onTabChange,
  onClose,
  onSelectImage,
  neighbours,
  shareLink,
}: {
  imageId: string | undefined
  scope: Scope
  tab: DrawerTab
  initial: Image | undefined
  onTabChange: (tab: DrawerTab) => void
  onClose: () => void
  onSelectImage: (id: string) => void
  /** The list page's ids in order: previous/next and `j`/`k` in the drawer. */
  neighbours?: DrawerNeighbours
  /** What "Copy link" copies (app.tsx adds the columns' `hide`); else this page's URL. */
  shareLink?: () => string
}) {
  if (!imageId) return null
  return (
    <ErrorBoundary
      resetKey={imageId}
      fallback={(_error, reset) => (
        <DrawerFailed
          onClose={() => {
            reset()
            onClose()
          }}
        />
      )}
    >
      <Suspense fallback={null}>
        <ImageDrawer
          imageId={imageId}
          scope={scope}
          tab={tab}
          onTabChange={onTabChange}
          onClose={onClose}
          initial={initial}
          onSelectImage={onSelectImage}
          neighbours={neighbours}
          shareLink={shareLink}
        />
      </Suspense>
    </ErrorBoundary>
  )
}

/** The drawer's own boundary: a broken drawer never blanks the table; it closes with a toast. */
function DrawerFailed({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('images')
  useEffect(() => {
    notify.error(t('drawer.failed'), { id: 'drawer-failed' })
    onClose()
  }, [onClose, t])
  return null
}
