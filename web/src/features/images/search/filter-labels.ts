import { FILTERS } from '@contract/filters'
import { useTranslation } from 'react-i18next'
import type { ActiveFilter } from './active-filters'
import { statusOption } from '../image-status'

/**
 * "Status: Unavailable", "Tags: llm", "Search: “bert”": how a filter reads in chips and notices.
 * `reason=<key>` reads as its group's summary line when known (useReasonSummary), else the key.
 */
export function useFilterLabel({ reasonSummary }: { reasonSummary?: string } = {}): (
  filter: ActiveFilter,
) => string {
  const { t } = useTranslation('images')
  // Values with a label of their own; any other value reads as itself.
  const valueLabel: Partial<Record<ActiveFilter['param'], (value: string) => string>> = {
    status: (value) => {
      const option = statusOption(value)
      return option ? t(`common:${option.labelKey}`) : value
    },
    type: (value) => t(`common:type.${value}`, { defaultValue: value }),
    visibility: (value) => t(`common:value.${value}`, { defaultValue: value }),
    reason: (value) => reasonSummary ?? value,
  }
  return (filter) => {
    const title = t(`filters.${filter.param}`)
    const kind = FILTERS.find((f) => f.name === filter.param)?.kind
    if (kind === 'flag') return title
    if (kind === 'text') return `${title}: “${filter.value}”`
    return `${title}: ${valueLabel[filter.param]?.(filter.value) ?? filter.value}`
  }
}
