import { BellIcon, BookmarkIcon } from 'lucide-react'
import { useCallback, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FILTERS } from '@contract/filters'
import { lazyMenu, PendingTrigger } from '@/components/ui/lazy-menus'
import {
  parseDashboardSearch,
  serializeDashboardSearch,
  type DashboardSearch,
  type SearchParam,
} from '@/features/images/search/dashboard-search'
import { useDashboardSearch } from '@/features/images/search/use-dashboard-search'
import {
  hideForLink,
  useColumnChoice,
  visibilityFromHidden,
} from '@/features/preferences/column-choice'
import type { BuildScope } from '@/features/notify/use-build-notifications'
import type { ViewActions, ViewState } from '@/features/views/view-state'

/**
 * Composition of the personal parts of the dashboard (features do not import each other): the
 * column choice against the URL's `hide`, "Copy link" with `hide`, saved views and build
 * notifications, wired to the URL state of features/images.
 */

/** What a saved view keeps (issue 11): no scope, page, open image or columns (kept apart). */
const VIEW_PARAMS = [
  'view',
  ...FILTERS.map((f) => f.name),
  'sort',
  'order',
  'size',
] as const satisfies readonly SearchParam[]

function viewQuery(search: DashboardSearch): string {
  const picked: Partial<DashboardSearch> = {}
  for (const param of VIEW_PARAMS) Object.assign(picked, { [param]: search[param] })
  return serializeDashboardSearch(picked)
}

const absolute = (query: string) => `${window.location.origin}/${query}`

const ViewsMenu = lazyMenu(
  () => import('@/features/views/views-menu').then((m) => m.ViewsMenu),
  function ViewsPending() {
    const { t } = useTranslation()
    return (
      <PendingTrigger variant="ghost" size="sm" aria-label={t('views.menu')}>
        <BookmarkIcon aria-hidden />
        <span className="hidden lg:inline">{t('views.short')}</span>
      </PendingTrigger>
    )
  },
)

const NotifyMenu = lazyMenu<{ scope: BuildScope; openImage: (id: string) => void }>(
  () => import('@/features/notify/notify-menu').then((m) => m.BuildNotifyMenu),
  function NotifyPending() {
    const { t } = useTranslation()
    return (
      <PendingTrigger variant="ghost" size="icon-sm" aria-label={t('notify.label')}>
        <BellIcon aria-hidden />
      </PendingTrigger>
    )
  },
)

export function useDashboardPersonal(): {
  columnVisibility: Record<string, boolean>
  setColumnVisibility: (update: (prev: Record<string, boolean>) => Record<string, boolean>) => void
  /** "Copy link": this URL with `hide` when the columns on screen differ from the defaults. */
  shareLink: () => string
  controls: ReactNode
} {
  const [search, setSearch] = useDashboardSearch()
  const clearHide = useCallback(
    () => setSearch({ hide: [] }, { replace: true, keepView: true }),
    [setSearch],
  )
  const columns = useColumnChoice({ hide: search.hide, clearHide })

  const shareLink = useCallback(
    () => absolute(serializeDashboardSearch({ ...search, hide: columns.hideForLink })),
    [search, columns.hideForLink],
  )

  const { replaceHidden } = columns
  const viewActions = useMemo<ViewActions>(
    () => ({
      current: { query: viewQuery(search), hidden: columns.hidden },
      onOpen: (view: ViewState) => {
        const { search: saved } = parseDashboardSearch(view.query)
        const patch: Partial<DashboardSearch> = { page: 1, image: undefined, hide: [] }
        for (const param of VIEW_PARAMS) Object.assign(patch, { [param]: saved[param] })
        setSearch(patch)
        replaceHidden(view.hidden)
      },
      linkFor: (view: ViewState) => {
        const { search: saved } = parseDashboardSearch(view.query)
        const hide = hideForLink(visibilityFromHidden(view.hidden))
        return absolute(serializeDashboardSearch({ ...saved, hide }))
      },
    }),
    [search, columns.hidden, setSearch, replaceHidden],
  )

  const openImage = useCallback(
    (id: string) => setSearch({ image: id, tab: 'overview' }),
    [setSearch],
  )
  const scope = useMemo<BuildScope>(
    () => ({ region: search.region, zone: search.zone, project: search.project }),
    [search.region, search.zone, search.project],
  )

  return {
    columnVisibility: columns.visibility,
    setColumnVisibility: columns.setVisibility,
    shareLink,
    controls: (
      <>
        <ViewsMenu {...viewActions} />
        <NotifyMenu scope={scope} openImage={openImage} />
      </>
    ),
  }
}
