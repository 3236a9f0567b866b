import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { FacetName, ImageListResponse } from '@contract/api'
import { IMAGE_TYPES, VISIBILITIES } from '@contract/api'
import type { FacetOption } from '@/components/data-table/data-table-faceted-filter'
import type { DashboardSearch } from './dashboard-search'
import { IMAGE_STATUS_OPTIONS } from '../image-status'
import { DataTableFacetedFilter } from './lazy-toolbar-menus'
import type { SetSearch } from './use-dashboard-search'

type Facets = ImageListResponse['facets'] | undefined

const byCount = (counts: Record<string, number>) => (a: FacetOption, b: FacetOption) =>
  (counts[b.value] ?? 0) - (counts[a.value] ?? 0) || a.label.localeCompare(b.label)

/** Values the proxy counted, plus selected ones it did not (count 0), busiest first. */
function dynamicOptions(
  facets: Facets,
  name: FacetName,
  selected: readonly string[],
): FacetOption[] {
  const counts = facets?.[name] ?? {}
  const values = new Set([...Object.keys(counts), ...selected])
  return [...values]
    .map((value) => ({ value, label: value, count: facets ? (counts[value] ?? 0) : undefined }))
    .sort(byCount(counts))
}

const tone = {
  success: 'text-success',
  info: 'text-info',
  warning: 'text-warning',
  danger: 'text-destructive',
  neutral: 'text-muted-foreground',
  primary: 'text-primary',
} as const

/**
 * Memoised: when a list answer arrives, the page renders once with the old (deferred) answer
 * before the new rows; the filters, with the same search and facets, sit that render out.
 */
export const ImagesFacetFilters = memo(function ImagesFacetFilters({
  search,
  facets,
  setSearch,
}: {
  search: DashboardSearch
  facets: Facets
  setSearch: SetSearch
}) {
  const { t } = useTranslation('images')
  const count = (name: FacetName, value: string) =>
    facets ? (facets[name]?.[value] ?? 0) : undefined

  const statusOptions = IMAGE_STATUS_OPTIONS.map((o) => ({
    value: o.value,
    label: t(`common:${o.labelKey}`),
    icon: o.icon,
    iconClassName: tone[o.tone],
    count: count('status', o.value),
  }))
  const extraTypes = Object.keys(facets?.type ?? {}).filter(
    (v) => !(IMAGE_TYPES as readonly string[]).includes(v),
  )
  const typeOptions = [...IMAGE_TYPES, ...extraTypes].map((value) => ({
    value,
    label: t(`common:type.${value}`, { defaultValue: value }),
    count: count('type', value),
  }))
  const visibilityOptions = VISIBILITIES.map((value) => ({
    value,
    label: t(`common:value.${value}`),
    count: count('visibility', value),
  }))

  return (
    <>
      <DataTableFacetedFilter
        title={t('filters.status')}
        options={statusOptions}
        selected={search.status}
        onChange={(values) => setSearch({ status: values as DashboardSearch['status'] })}
      />
      <DataTableFacetedFilter
        title={t('filters.type')}
        options={typeOptions}
        hideEmpty
        selected={search.type}
        onChange={(values) => setSearch({ type: values as DashboardSearch['type'] })}
      />
      <DataTableFacetedFilter
        title={t('filters.visibility')}
        options={visibilityOptions}
        multiple={false}
        selected={search.visibility ? [search.visibility] : []}
        onChange={(values) => setSearch({ visibility: values[0] as DashboardSearch['visibility'] })}
      />
      <DataTableFacetedFilter
        title={t('filters.gpu')}
        options={dynamicOptions(facets, 'gpu', search.gpu)}
        selected={search.gpu}
        onChange={(gpu) => setSearch({ gpu })}
      />
      <DataTableFacetedFilter
        title={t('filters.framework')}
        options={dynamicOptions(facets, 'framework', search.framework)}
        selected={search.framework}
        onChange={(framework) => setSearch({ framework })}
      />
      <DataTableFacetedFilter
        title={t('filters.tag')}
        options={dynamicOptions(facets, 'tags', search.tag)}
        selected={search.tag}
        searchable
        note={t('toolbar.tagsAllMatch')}
        onChange={(tag) => setSearch({ tag })}
      />
    </>
  )
})
