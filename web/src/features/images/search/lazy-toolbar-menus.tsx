import { DownloadIcon, PlusCircleIcon, Settings2Icon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { Image } from '@contract/api'
import type { ComponentProps } from 'react'
import type { DataTableFacetedFilter as FacetedFilter } from '@/components/data-table/data-table-faceted-filter'
import type { DataTableInstance, TableDensity } from '@/components/data-table/data-table-features'
import { lazyMenu, PendingTrigger } from '@/components/ui/lazy-menus'
import { cn } from '@/lib/utils'

/** The toolbar's popover and menus, each loaded on first render (see lazy-menus.tsx). */

export const ImagesExportMenu = lazyMenu(
  () => import('./images-export-menu').then((m) => m.ImagesExportMenu),
  function ExportPending() {
    const { t } = useTranslation('images')
    return (
      <PendingTrigger variant="outline" size="sm" aria-label={t('toolbar.export')}>
        <DownloadIcon aria-hidden />
        <span className="hidden sm:inline">{t('toolbar.export')}</span>
      </PendingTrigger>
    )
  },
)

export const DataTableViewOptions = lazyMenu<{
  table: DataTableInstance<Image>
  density: TableDensity
  onDensityChange: (density: TableDensity) => void
}>(
  () =>
    import('@/components/data-table/data-table-view-options').then(
      (m) => m.DataTableViewOptions<Image>,
    ),
  function ViewOptionsPending() {
    const { t } = useTranslation()
    return (
      <PendingTrigger variant="outline" size="sm" aria-label={t('table.viewOptions')}>
        <Settings2Icon aria-hidden />
        <span className="hidden sm:inline">{t('table.view')}</span>
      </PendingTrigger>
    )
  },
)

export const DataTableFacetedFilter = lazyMenu<ComponentProps<typeof FacetedFilter>>(
  () =>
    import('@/components/data-table/data-table-faceted-filter').then(
      (m) => m.DataTableFacetedFilter,
    ),
  function FacetedFilterPending({ title, selected }) {
    return (
      <PendingTrigger
        variant="outline"
        size="sm"
        aria-label={title}
        className={cn('border-dashed', selected.length > 0 && 'border-solid')}
      >
        <PlusCircleIcon
          aria-hidden
          className={cn(selected.length > 0 && 'rotate-45 text-primary')}
        />
        {title}
      </PendingTrigger>
    )
  },
)
