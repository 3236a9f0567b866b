import { NuqsAdapter } from 'nuqs/adapters/react'
import { SearchXIcon } from 'lucide-react'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '@/components/layout/empty-state'
import { ErrorBoundary } from '@/components/layout/error-boundary'
import {
  canonicalOrder,
  parseDashboardSearch,
  serializeDashboardSearch,
  type DroppedParam,
} from '@/features/images/search/dashboard-search'
import { FailuresPending } from '@/features/failures/failures-pending'
import { ImagesPage } from '@/features/images/images-page'
import { afterFirstRows } from '@/lib/first-rows'
import { usePreference } from '@/lib/preference-store'
import { densityPreference } from '@/features/preferences/table-preferences'
import { useDashboardPersonal } from './dashboard-personal'
import { LanguageMenu, ThemeMenu } from './personal-menus'

// The triage view (design.md §6 view=failures) is a chunk of its own: asked for at once when the
// URL opens it, else once the list's first rows show, so switching to it does not wait.
const loadFailures = () => import('@/features/failures/failures-view')
const ErrorView = lazy(() =>
  import('@/components/layout/error-view').then((m) => ({ default: m.ErrorView })),
)
const FailuresView = lazy(() => loadFailures().then((m) => ({ default: m.FailuresView })))
void (/[?&]view=failures/.test(window.location.search)
  ? loadFailures()
  : afterFirstRows().then(loadFailures))

/**
 * Reads the address bar once, before the app renders: the values it did not understand are
 * returned for the notice, and the URL is rewritten to what it did (canonical, defaults left out),
 * replacing the history entry so Back does not return to the bad link.
 */
export function readStartUrl(): DroppedParam[] {
  if (window.location.pathname !== '/') return []
  const { search, dropped } = parseDashboardSearch(window.location.search)
  const clean = serializeDashboardSearch(search)
  if (clean !== window.location.search) {
    window.history.replaceState(window.history.state, '', `/${clean}${window.location.hash}`)
  }
  return dropped
}

/** Composition happens here: features (images, preferences) do not import each other. */
function Dashboard({ dropped }: { dropped: readonly DroppedParam[] }) {
  const [density, setDensity] = usePreference(densityPreference)
  const { columnVisibility, setColumnVisibility, shareLink, controls } = useDashboardPersonal()
  return (
    <ImagesPage
      dropped={dropped}
      display={{ density, setDensity, columnVisibility, setColumnVisibility }}
      shareLink={shareLink}
      failuresView={(slot) => (
        <Suspense fallback={<FailuresPending />}>
          <FailuresView {...slot} />
        </Suspense>
      )}
      personalControls={
        <>
          {controls}
          <LanguageMenu />
          <ThemeMenu />
        </>
      }
    />
  )
}

/** The one screen: the dashboard at `/`, its state in the URL's query (design.md §6). */
export function App({ dropped }: { dropped: readonly DroppedParam[] }) {
  if (window.location.pathname !== '/') return <NotFound />
  return (
    <NuqsAdapter processUrlSearchParams={canonicalOrder}>
      <ErrorBoundary
        fallback={(error, reset) => (
          <div className="flex min-h-dvh items-center justify-center p-6">
            <Suspense fallback={null}>
              <ErrorView error={error} onRetry={reset} />
            </Suspense>
          </div>
        )}
      >
        <Dashboard dropped={dropped} />
      </ErrorBoundary>
    </NuqsAdapter>
  )
}

function NotFound() {
  const { t } = useTranslation('images')
  return (
    <div className="flex min-h-dvh items-center justify-center p-6">
      <EmptyState
        icon={SearchXIcon}
        title="404"
        action={
          <a
            href="/"
            className="text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            {t('common:appName')}
          </a>
        }
      />
    </div>
  )
}
