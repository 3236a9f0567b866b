import {
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  Outlet,
  stripSearchParams,
  type ErrorComponentProps,
  type RouterHistory,
} from '@tanstack/react-router'
import { SearchXIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '@/components/layout/empty-state'
import { ErrorView } from '@/components/layout/error-view'
import {
  dashboardSearchSchema,
  parseDashboardSearch,
  rawSearch,
  DEFAULT_SEARCH,
  serializeDashboardSearch,
  toQueryString,
  type DroppedParam,
} from '@/features/images/search/dashboard-search'
import { ImagesPage } from '@/features/images/images-page'
import { LanguageMenu } from '@/features/preferences/language-menu'
import { usePreference } from '@/features/preferences/preference-store'
import {
  columnVisibilityPreference,
  densityPreference,
} from '@/features/preferences/table-preferences'
import { ThemeMenu } from '@/features/preferences/theme-menu'

/**
 * What the address bar held when the app started, before the router cleans it: bad values are
 * reported once, then dropped from the URL (the router replaces it with the validated search).
 */
function droppedAtStart(): DroppedParam[] {
  if (typeof window === 'undefined' || window.location.pathname !== '/') return []
  return parseDashboardSearch(rawSearch(window.location.search)).dropped
}

const DROPPED_AT_START = droppedAtStart()

const rootRoute = createRootRoute({
  component: Outlet,
  errorComponent: RootError,
  notFoundComponent: NotFound,
})

/** Composition happens here: features (images, preferences) do not import each other. */
function Dashboard() {
  const [density, setDensity] = usePreference(densityPreference)
  const [columnVisibility, setColumnVisibility] = usePreference(columnVisibilityPreference)
  return (
    <ImagesPage
      dropped={DROPPED_AT_START}
      display={{ density, setDensity, columnVisibility, setColumnVisibility }}
      personalControls={
        <>
          <LanguageMenu />
          <ThemeMenu />
        </>
      }
    />
  )
}

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: dashboardSearchSchema,
  search: { middlewares: [stripSearchParams(DEFAULT_SEARCH)] },
  component: Dashboard,
})

const routeTree = rootRoute.addChildren([dashboardRoute])

export function createAppRouter(options: { history?: RouterHistory } = {}) {
  return createRouter({
    routeTree,
    history: options.history,
    // design.md §6: plain `key=value` pairs, lists comma-separated, no JSON in the URL.
    parseSearch: rawSearch,
    stringifySearch: (search) => toQueryString(serializeDashboardSearch(search)),
    defaultPreload: false,
    scrollRestoration: false,
  })
}

export const router = createAppRouter()

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router
  }
}

function RootError({ error, reset }: ErrorComponentProps) {
  return (
    <div className="flex min-h-dvh items-center justify-center p-6">
      <ErrorView error={error} onRetry={reset} />
    </div>
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
          <Link
            to="/"
            className="text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            {t('common:appName')}
          </Link>
        }
      />
    </div>
  )
}
