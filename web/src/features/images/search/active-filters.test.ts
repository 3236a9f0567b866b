import { describe, expect, it } from 'vitest'
import { activeFilters, CLEARED_FILTERS, removeFilter } from './active-filters'
import { parseDashboardSearch, serializeDashboardSearch } from './dashboard-search'
import { updateSearch } from './dashboard-search-mappers'

const parse = (qs: string) => parseDashboardSearch(qs).search

describe('active filters', () => {
  it('lists one chip per value', () => {
    const search = parse(
      '?q=bert&status=Making,UnAvailable&visibility=public&tag=a,b&failed=1&sort=Name',
    )
    expect(activeFilters(search)).toEqual([
      { param: 'q', value: 'bert' },
      { param: 'status', value: 'Making' },
      { param: 'status', value: 'UnAvailable' },
      { param: 'visibility', value: 'public' },
      { param: 'tag', value: 'a' },
      { param: 'tag', value: 'b' },
      { param: 'failed', value: '1' },
    ])
  })

  it('removes a single value and resets the page', () => {
    const search = parse('?status=Making,UnAvailable&tag=a,b&page=3')
    const next = updateSearch(search, removeFilter(search, { param: 'tag', value: 'a' }))
    expect(next.tag).toEqual(['b'])
    expect(next.status).toEqual(['Making', 'UnAvailable'])
    expect(next.page).toBe(1)
  })

  it('clears every filter but keeps scope, sort and page size', () => {
    const search = parse(
      '?zone=cn-wlcb-02&q=x&status=Making&gpu=A100&failed=1&sort=Size&size=50&page=2',
    )
    const next = updateSearch(search, CLEARED_FILTERS)
    expect(activeFilters(next)).toEqual([])
    expect(serializeDashboardSearch(next)).toBe('?zone=cn-wlcb-02&sort=Size&size=50')
  })
})
