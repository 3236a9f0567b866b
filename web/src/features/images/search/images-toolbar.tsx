import { CircleXIcon, Layers2Icon } from 'lucide-react'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image, ImageListResponse } from '@contract/api'
import type { ImagesListParams } from '@/api/images'
import type { DataTableInstance } from '@/components/data-table/data-table-features'
import { Badge } from '@/components/ui/badge'
import { Toggle } from '@/components/ui/toggle'
import type { DashboardSearch } from './dashboard-search'
import { ImagesFacetFilters } from './images-facet-filters'
import { ImagesSearchBox } from './images-search-box'
import { DataTableViewOptions, ImagesExportMenu } from './lazy-toolbar-menus'
import type { DisplayPreferences } from '../list/images-table'
import type { SetSearch } from './use-dashboard-search'
import { numberFormat } from '@/lib/format'

export function ImagesToolbar({
  search,
  setSearch,
  facets,
  failedCount,
  params,
  table,
  display,
}: {
  search: DashboardSearch
  setSearch: SetSearch
  facets: ImageListResponse['facets'] | undefined
  failedCount: number | undefined
  params: ImagesListParams
  table: DataTableInstance<Image>
  display: DisplayPreferences
}) {
  const { t, i18n } = useTranslation('images')
  const onQuery = useCallback(
    (q: string, options: { replace: boolean }) => setSearch({ q: q || undefined }, options),
    [setSearch],
  )
  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('tableLabel')}>
      <ImagesSearchBox value={search.q ?? ''} onChange={onQuery} />
      {/* A phone: the buttons make one row that scrolls sideways (the list starts higher up). */}
      <div className="-mx-3 flex w-[calc(100%+1.5rem)] items-center gap-2 overflow-x-auto px-3 pb-0.5 sm:contents">
        <ImagesFacetFilters search={search} facets={facets} setSearch={setSearch} />
        <Toggle
          pressed={search.failed}
          onPressedChange={(failed) => setSearch({ failed })}
          className="data-[state=on]:border-destructive/40 data-[state=on]:bg-destructive/10 data-[state=on]:text-destructive"
        >
          <CircleXIcon aria-hidden />
          {t('toolbar.failedOnly')}
          {failedCount !== undefined && (
            <Badge
              tone={failedCount > 0 ? 'danger' : 'neutral'}
              className="px-1.5 py-0 font-mono tabular-nums in-data-[state=on]:bg-card"
            >
              {numberFormat(i18n.language).format(failedCount)}
            </Badge>
          )}
        </Toggle>
        <Toggle pressed={search.latest} onPressedChange={(latest) => setSearch({ latest })}>
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
  )
}
