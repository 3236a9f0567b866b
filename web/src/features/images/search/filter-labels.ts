import { useTranslation } from 'react-i18next'
import type { ActiveFilter } from './active-filters'
import { statusOption } from '../image-status'

/** "Status: Unavailable", "Tags: llm", "Search: “bert”": how a filter reads in chips and notices. */
export function useFilterLabel(): (filter: ActiveFilter) => string {
  const { t } = useTranslation('images')
  return (filter) => {
    const title = t(`filters.${filter.param}`)
    switch (filter.param) {
      case 'failed':
        return title
      case 'q':
        return `${title}: “${filter.value}”`
      case 'status': {
        const option = statusOption(filter.value)
        return `${title}: ${option ? t(`common:${option.labelKey}`) : filter.value}`
      }
      case 'type':
        return `${title}: ${t(`common:type.${filter.value}`, { defaultValue: filter.value })}`
      case 'visibility':
        return `${title}: ${t(`common:value.${filter.value}`, { defaultValue: filter.value })}`
      default:
        return `${title}: ${filter.value}`
    }
  }
}
