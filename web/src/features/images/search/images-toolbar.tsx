import { CircleXIcon, Layers2Icon, SlidersHorizontalIcon } from 'lucide-react'
import { useCallback, useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image, ImageListResponse } from '@contract/api'
import type { ImagesListParams } from '@/api/images'
import type { DataTableInstance } from '@/components/data-table/data-table-features'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Toggle } from '@/components/ui/toggle'
import type { DashboardSearch } from './dashboard-search'
import { ImagesFacetFilters } from './images-facet-filters'
import { ImagesSearchBox } from './images-search-box'
import { DataTableViewOptions, ImagesExportMenu } from './lazy-toolbar-menus'
import type { DisplayPreferences } from '../list/images-table'
import type { SetSearch } from './use-dashboard-search'
import { numberFormat } from '@/lib/format'
import { cn } from '@/lib/utils'

export function ImagesToolbar({
  search,
  setSearch,
  facets,
  failedCount,
  params,
  table,
  display,
  activeCount,
  chips,
}: {
  search: DashboardSearch
  setSearch: SetSearch
  facets: ImageListResponse['facets'] | undefined
  failedCount: number | undefined
  params: ImagesListParams
  table: DataTableInstance<Image>
  display: DisplayPreferences
  /** How many filters apply (the chips), counted on the phone's Filters button. */
  activeCount: number
  /** The active filters' chips: a row of their own, folded with the buttons on a phone. */
  chips: ReactNode
}) {
  const { t, i18n } = useTranslation('images')
  const onQuery = useCallback(
    (q: string, options: { replace: boolean }) => setSearch({ q: q || undefined }, options),
    [setSearch],
  )
  // A phone shows the search box and a Filters button; the filter buttons and chips unfold below
  // it (one row that scrolls sideways, then the chips), so the list starts near the top.
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const chipsId = useId()
  const nf = numberFormat(i18n.language)
  return (
    <>
      <div
        className="flex flex-wrap items-center gap-2"
        role="toolbar"
        aria-label={t('tableLabel')}
      >
        <div className="flex w-full min-w-0 items-center gap-2 sm:contents">
          <ImagesSearchBox value={search.q ?? ''} onChange={onQuery} />
          <Button
            variant="outline"
            size="sm"
            className={cn(
              'sm:hidden',
              activeCount > 0 && 'border-primary/40 bg-primary/8 text-foreground',
            )}
            aria-expanded={open}
            aria-controls={`${panelId} ${chipsId}`}
            aria-label={
              activeCount > 0
                ? t('toolbar.filtersToggleActive', { count: activeCount })
                : t('toolbar.filtersToggle')
            }
            onClick={() => setOpen((value) => !value)}
          >
            <SlidersHorizontalIcon aria-hidden />
            {t('toolbar.filtersToggle')}
            {activeCount > 0 && (
              <Badge tone="primary" className="px-1.5 py-0 font-mono tabular-nums">
                {nf.format(activeCount)}
              </Badge>
            )}
          </Button>
        </div>
        <div
          id={panelId}
          className={cn(
            '-mx-3 flex w-[calc(100%+1.5rem)] items-center gap-2 overflow-x-auto px-3 pb-0.5 sm:contents',
            !open && 'max-sm:hidden',
          )}
        >
          <ImagesFacetFilters search={search} facets={facets} setSearch={setSearch} />
          <Toggle
            pressed={search.failed}
            onPressedChange={(failed) => setSearch({ failed })}
            // First on a phone, where the row scrolls: reviewing failures is why people open it there.
            className="data-[state=on]:border-destructive/40 data-[state=on]:bg-destructive/10 data-[state=on]:text-destructive max-sm:-order-2"
          >
            <CircleXIcon aria-hidden />
            {t('toolbar.failedOnly')}
            {failedCount !== undefined && (
              <Badge
                tone={failedCount > 0 ? 'danger' : 'neutral'}
                className="px-1.5 py-0 font-mono tabular-nums in-data-[state=on]:bg-card"
              >
                {nf.format(failedCount)}
              </Badge>
            )}
          </Toggle>
          <Toggle
            className="max-sm:-order-1"
            pressed={search.latest}
            onPressedChange={(latest) => setSearch({ latest })}
          >
            <Layers2Icon aria-hidden />
            {t('list.latestOnly')}
          </Toggle>
          <div className="ml-auto flex items-center gap-2">
            <ImagesExportMenu params={params} />
            <DataTableViewOptions
              table={table}
              density={display.density}
              onDensityChange={display.setDensity}
            />
          </div>
        </div>
      </div>
      <div id={chipsId} className={cn('contents', !open && 'max-sm:hidden')}>
        {chips}
      </div>
    </>
  )
}
