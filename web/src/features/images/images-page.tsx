import { Suspense, useDeferredValue, useEffect, useMemo, type ReactNode } from 'react'
import type { ImagesListParams } from '@/api/images'
import { AppShell } from '@/components/layout/app-shell'
import { markFirstRowsShown } from '@/lib/first-rows'
import { activeFilters, CLEARED_FILTERS, removeFilter } from './search/active-filters'
import { serializeDashboardSearch, type DroppedParam } from './search/dashboard-search'
import { searchToListParams } from './search/dashboard-search-mappers'
import { ImagesCellContext, type ImagesCellActions } from './list/images-tags-cell'
import { ImagesDrawerSlot, preloadImageDrawer } from './drawer/images-drawer-slot'
import { useDrawerNavigation } from './drawer/use-drawer-navigation'
import { ImagesEmptyState } from './list/images-empty-state'
import { ImagesFilterChips } from './search/images-filter-chips'
import { connectionOf } from './connection-state'
import { ImagesHeader } from './images-header'
import { DroppedParamsNotice, ErrorView, StaleNotice } from './images-lazy'
import { ImagesScopeControls } from './search/images-scope-controls'
import { ImagesTable } from './list/images-list'
import { useImagesTable, type DisplayPreferences } from './list/images-table'
import { ImagesToolbar } from './search/images-toolbar'
import { useDashboardSearch } from './search/use-dashboard-search'
import { useImagesData } from './list/use-images-data'
import { useReasonSummary } from './search/use-reason-summary'
import { useViewScope } from './search/use-view-scope'
import { StatusStrip, toggleStatus } from './status-strip'
import { ViewSwitch } from './status-strip-view-switch'

/** What the triage view (features/failures, composed in app.tsx) gets from the page. */
export interface FailuresSlot {
  params: ImagesListParams
  groupHref: (key: string) => string
  onOpenGroup: (key: string) => void
  hasFilters: boolean
  onClearFilters: () => void
}

export function ImagesPage({
  dropped,
  display,
  personalControls,
  failuresView,
  shareLink,
}: {
  dropped: readonly DroppedParam[]
  display: DisplayPreferences
  personalControls: ReactNode
  /** "Copy link": the URL to copy (with the columns' `hide`); this page's URL without it. */
  shareLink?: () => string
  /** design.md §6 `view=failures`; without it the page is the list alone. */
  failuresView?: (slot: FailuresSlot) => ReactNode
}) {
  const [search, setSearch] = useDashboardSearch()
  const { mode, scope, queryZone, changeZone, changeProject } = useViewScope(search, setSearch)
  const params = useMemo(
    () => ({ ...searchToListParams(search), zone: queryZone }),
    [search, queryZone],
  )
  const { list, refresh, refreshing, live, refreshFailure } = useImagesData(params)
  // A new answer renders as a transition (React yields to the browser every 40 ms, main.tsx)
  // instead of in the one task that React Query's store update would otherwise force: rows
  // already trail the URL while the request is out, and now trail it by the render too
  // (docs/benchmarks.md).
  const data = useDeferredValue(list.data)
  const items = data?.items
  // "Failed only (n)": the list answer carries it, so it changes with the rows it counts.
  const failedCount = data?.failedTotal
  const filters = useMemo(() => activeFilters(search), [search])
  const reasonSummary = useReasonSummary(params)
  const table = useImagesTable({
    items,
    total: data?.total ?? 0,
    search,
    setSearch,
    display,
  })

  // The menus, toasts and drawer load once the first rows (or the list's error) are on screen.
  useEffect(() => {
    if (data || list.isError) markFirstRowsShown()
    if (data) preloadImageDrawer()
  }, [data, list.isError])

  // Past the end (a shared link to page 9 of a list that shrank): go to the last page.
  useEffect(() => {
    if (!data || list.isPlaceholderData || data.total === 0 || data.items.length > 0) return
    setSearch({ page: Math.max(1, Math.ceil(data.total / search.size)) }, { replace: true })
  }, [data, list.isPlaceholderData, search.size, setSearch])

  const { openImage, closeImage, neighbours } = useDrawerNavigation(search, setSearch, items)

  // Tag chips in rows toggle that tag in the filter (all selected tags must match).
  const cellActions = useMemo<ImagesCellActions>(
    () => ({
      activeTags: search.tag,
      onTagClick: (tag) =>
        setSearch({
          tag: search.tag.includes(tag)
            ? search.tag.filter((t) => t !== tag)
            : [...search.tag, tag],
        }),
    }),
    [search.tag, setSearch],
  )

  const connection = connectionOf({
    data: list.data,
    dataUpdatedAt: list.dataUpdatedAt,
    listError: list.isError ? list.error : undefined,
    refreshFailure,
  })

  const initial = data?.items.find((image) => image.CompShareImageId === search.image)

  return (
    <AppShell
      header={
        <ImagesHeader
          mode={mode}
          fetchedAt={data?.fetchedAt}
          refreshing={refreshing || list.isFetching}
          live={live}
          connection={connection}
          onRefresh={refresh}
          personalControls={personalControls}
          shareLink={shareLink}
          scopeLabel={scope.project ? `${scope.zone} · ${scope.project}` : scope.zone}
          scopeControls={
            <ImagesScopeControls
              scope={scope}
              onZoneChange={changeZone}
              onProjectChange={changeProject}
            />
          }
        />
      }
    >
      <Suspense fallback={null}>
        {dropped.length > 0 && <DroppedParamsNotice dropped={dropped} />}
        {data?.stale && (
          <StaleNotice
            fetchedAt={data.fetchedAt}
            reason={data.staleReason}
            onRetry={refresh}
            retrying={refreshing}
          />
        )}
      </Suspense>
      <ImagesToolbar
        search={search}
        setSearch={setSearch}
        facets={data?.facets}
        failedCount={failedCount}
        params={params}
        table={table}
        display={display}
        activeCount={filters.length}
        chips={
          <ImagesFilterChips
            filters={filters}
            onRemove={(filter) => setSearch(removeFilter(search, filter))}
            onClearAll={() => setSearch(CLEARED_FILTERS)}
            reasonSummary={reasonSummary}
          />
        }
      />
      <div className="flex min-w-0 items-center gap-2 sm:gap-3">
        {failuresView && (
          <ViewSwitch
            view={search.view}
            hrefFor={(view) => `/${serializeDashboardSearch({ ...search, view, page: 1 })}`}
            onChange={(view) => setSearch({ view })}
            failedCount={failedCount}
          />
        )}
        <StatusStrip
          counts={data?.facets.status}
          selected={search.status}
          onToggle={(status) => setSearch({ status: toggleStatus(search.status, status) })}
        />
      </div>
      {search.view === 'failures' && failuresView ? (
        failuresView({
          params,
          groupHref: (key) =>
            `/${serializeDashboardSearch({ ...search, view: 'list', reason: key, page: 1, image: undefined })}`,
          onOpenGroup: (key) => setSearch({ view: 'list', reason: key }),
          hasFilters: filters.length > 0,
          onClearFilters: () => setSearch(CLEARED_FILTERS),
        })
      ) : list.isError && !data ? (
        <div className="flex flex-1 items-start justify-center overflow-auto py-8">
          <Suspense fallback={null}>
            <ErrorView
              error={list.error}
              onRetry={() => void list.refetch()}
              retrying={list.isFetching}
              onUseDefaultProject={
                search.project === undefined ? undefined : () => setSearch({ project: undefined })
              }
            />
          </Suspense>
        </div>
      ) : (
        <ImagesCellContext value={cellActions}>
          <ImagesTable
            table={table}
            total={data?.total ?? 0}
            isLoading={!data}
            isFetching={list.isPlaceholderData || data !== list.data || refreshing}
            density={display.density}
            activeImageId={search.image}
            onOpen={openImage}
            versions={data?.versions}
            emptyState={
              <ImagesEmptyState
                reasonSummary={reasonSummary}
                filters={filters}
                scope={scope}
                page={search.page}
                total={data?.total ?? 0}
                onClearFilters={() => setSearch(CLEARED_FILTERS)}
                onFirstPage={() => setSearch({ page: 1 })}
              />
            }
          />
        </ImagesCellContext>
      )}
      <ImagesDrawerSlot
        imageId={search.image}
        scope={scope}
        tab={search.tab}
        initial={initial}
        onTabChange={(tab) => setSearch({ tab }, { replace: true })}
        onClose={closeImage}
        onSelectImage={(image) => setSearch({ image })}
        neighbours={neighbours}
        shareLink={shareLink}
      />
    </AppShell>
  )
}
