import { describe, expect, it } from 'vitest'
import { EMPTY_FILTERS, FILTERS } from '@contract/filters'
import {
  parseDashboardSearch,
  serializeDashboardSearch,
  type DashboardSearch,
} from './dashboard-search'
import {
  paginationToSearch,
  searchToPagination,
  searchToSorting,
  sortingToSearch,
  updateSearch,
} from './dashboard-search-mappers'

const parse = (qs: string) => parseDashboardSearch(qs)
const hasFilter = (name: string) => FILTERS.some((f) => f.name === name)
const url = (search: Partial<DashboardSearch>) => serializeDashboardSearch(search)

describe('parseDashboardSearch', () => {
  it('fills defaults for an empty URL and drops nothing', () => {
    const { search, dropped } = parse('')
    expect(dropped).toEqual([])
    expect(search).toEqual({
      ...EMPTY_FILTERS,
      view: 'list',
      sort: 'CreateTime',
      order: 'desc',
      page: 1,
      size: 20,
      hide: [],
      tab: 'overview',
    })
  })

  it('reads every parameter of design.md §6', () => {
    const { search, dropped } = parse(
      '?region=cn-sh2&zone=cn-sh2-02&project=org-abc&view=failures&q=llama&status=UnAvailable,Making&type=Custom' +
        '&visibility=public&tag=cuda,llm&gpu=RTX%204090&framework=PyTorch&failed=1&sort=Size&order=asc' +
        '&page=3&size=50&hide=Price,Visibility&image=img-123&tab=readme',
    )
    expect(dropped).toEqual([])
    expect(search).toEqual({
      ...EMPTY_FILTERS,
      region: 'cn-sh2',
      zone: 'cn-sh2-02',
      project: 'org-abc',
      view: 'failures',
      q: 'llama',
      status: ['UnAvailable', 'Making'],
      type: ['Custom'],
      visibility: 'public',
      tag: ['cuda', 'llm'],
      gpu: ['RTX 4090'],
      framework: ['PyTorch'],
      failed: true,
      sort: 'Size',
      order: 'asc',
      page: 3,
      size: 50,
      hide: ['Price', 'Visibility'],
      image: 'img-123',
      tab: 'readme',
    })
  })

  it('drops bad values with a notice but keeps the good ones', () => {
    const { search, dropped } = parse(
      '?status=Bogus&page=-3&size=7&sort=Nope&tab=x&visibility=maybe&q=ok&type=Custom&order=up&failed=yes&view=grid&hide=Price,no%20such',
    )
    expect(dropped).toEqual([
      { param: 'view', value: 'grid' },
      { param: 'status', value: 'Bogus' },
      { param: 'visibility', value: 'maybe' },
      { param: 'failed', value: 'yes' },
      { param: 'sort', value: 'Nope' },
      { param: 'order', value: 'up' },
      { param: 'page', value: '-3' },
      { param: 'size', value: '7' },
      { param: 'hide', value: 'no such' },
      { param: 'tab', value: 'x' },
    ])
    expect(search).toMatchObject({
      q: 'ok',
      type: ['Custom'],
      status: [],
      visibility: undefined,
      failed: false,
      sort: 'CreateTime',
      order: 'desc',
      page: 1,
      size: 20,
      hide: ['Price'],
      tab: 'overview',
    })
  })

  it('keeps the valid items of a list and reports each bad one', () => {
    const { search, dropped } = parse('?status=Making,Bogus,Available,Making,Nope')
    expect(search.status).toEqual(['Making', 'Available'])
    expect(dropped).toEqual([
      { param: 'status', value: 'Bogus' },
      { param: 'status', value: 'Nope' },
    ])
  })

  it('rejects ids and scopes the proxy would refuse', () => {
    const { search, dropped } = parse('?region=CN%20WLCB&project=a/b&image=../x')
    expect(search.region).toBeUndefined()
    expect(search.project).toBeUndefined()
    expect(search.image).toBeUndefined()
    expect(dropped.map((d) => d.param)).toEqual(['region', 'project', 'image'])
  })

  it('ignores unknown parameters and empty values', () => {
    const { search, dropped } = parse('?utm_source=x&q=&project=&status=')
    expect(dropped).toEqual([])
    expect(search.q).toBeUndefined()
    expect(search.project).toBeUndefined()
    expect(search.status).toEqual([])
    expect('utm_source' in search).toBe(false)
  })
})

describe('serializeDashboardSearch', () => {
  it('leaves defaults out: a clean view is a clean URL', () => {
    expect(url(parse('').search)).toBe('')
    expect(url(parse('?sort=CreateTime&order=desc&page=1&size=20&tab=overview').search)).toBe('')
  })

  it('writes lists as one comma-separated parameter, in design order', () => {
    expect(
      url({
        ...parse('').search,
        failed: true,
        status: ['UnAvailable', 'Making'],
        q: 'a b',
        page: 2,
      }),
    ).toBe('?q=a+b&status=UnAvailable,Making&failed=1&page=2')
  })

  it('omits tab without an image', () => {
    expect(url({ ...parse('').search, tab: 'readme' })).toBe('')
    expect(url({ ...parse('').search, image: 'i-1', tab: 'readme' })).toBe('?image=i-1&tab=readme')
  })

  it('writes the view and hidden columns, and only when not default', () => {
    expect(url({ view: 'failures', failed: true, hide: ['Price', 'Size'] })).toBe(
      '?view=failures&failed=1&hide=Price,Size',
    )
    expect(url({ view: 'list', failed: false, hide: [] })).toBe('')
  })

  it.runIf(hasFilter('reason') && hasFilter('latest'))(
    'writes reason= and latest= (design.md §6) between the filters and the sort',
    () => {
      const search = { reason: 'a1b2c3', latest: true, sort: 'Name' } as Partial<DashboardSearch>
      expect(url(search)).toBe('?reason=a1b2c3&latest=1&sort=Name')
      expect(parse('?latest=1&reason=a1b2c3').search).toMatchObject({
        reason: 'a1b2c3',
        latest: true,
      })
    },
  )

  it('round-trips', () => {
    const qs =
      '?region=cn-sh2&zone=cn-sh2-02&project=org-1&q=%E5%A4%A7%E6%A8%A1%E5%9E%8B&status=UnAvailable,Making' +
      '&type=Custom,App&visibility=private&tag=a,b&gpu=A100&framework=vLLM&failed=1&sort=Name&order=asc' +
      '&page=4&size=100&hide=Price&image=img-9&tab=json'
    const first = parse(qs).search
    expect(first.q).toBe('大模型')
    const again = parse(url(first)).search
    expect(again).toEqual(first)
    expect(url(again)).toBe(url(first))
    expect(url(first)).toBe(qs.replace('%E5%A4%A7%E6%A8%A1%E5%9E%8B', '大模型'))
  })
})

describe('table mappers', () => {
  it('maps page (1-based) to pageIndex (0-based) and back', () => {
    const search = parse('?page=3&size=50').search
    expect(searchToPagination(search)).toEqual({ pageIndex: 2, pageSize: 50 })
    expect(paginationToSearch({ pageIndex: 0, pageSize: 10 })).toEqual({ page: 1, size: 10 })
    expect(paginationToSearch({ pageIndex: 4, pageSize: 33 })).toEqual({ page: 5, size: 20 })
  })

  it('maps sort/order to SortingState and back', () => {
    expect(searchToSorting(parse('').search)).toEqual([{ id: 'CreateTime', desc: true }])
    expect(searchToSorting(parse('?sort=Name&order=asc').search)).toEqual([
      { id: 'Name', desc: false },
    ])
    expect(sortingToSearch([{ id: 'Size', desc: true }])).toEqual({ sort: 'Size', order: 'desc' })
    expect(sortingToSearch([])).toEqual({ sort: 'CreateTime', order: 'desc' })
    expect(sortingToSearch([{ id: 'Tags', desc: false }])).toEqual({
      sort: 'CreateTime',
      order: 'desc',
    })
  })
})

describe('updateSearch', () => {
  const base = parse('?page=4&image=i-1&tab=readme').search

  it('resets the page when a filter, search or sort changes', () => {
    expect(updateSearch(base, { status: ['Making'] }).page).toBe(1)
    expect(updateSearch(base, { q: 'x' }).page).toBe(1)
    expect(updateSearch(base, { sort: 'Name' }).page).toBe(1)
    expect(updateSearch(base, { size: 50 }).page).toBe(1)
  })

  it('keeps the page for a page change or opening an image', () => {
    expect(updateSearch(base, { page: 5 }).page).toBe(5)
    expect(updateSearch(base, { image: 'i-2' }).page).toBe(4)
    expect(updateSearch(base, { status: [] }).page).toBe(4)
  })

  it('closes the image when the scope changes', () => {
    const next = updateSearch(base, { project: 'org-2' })
    expect(next.image).toBeUndefined()
    expect(next.tab).toBe('overview')
    expect(updateSearch(base, { zone: 'cn-wlcb-02' }).image).toBeUndefined()
    expect(updateSearch(base, { q: 'x' }).image).toBe('i-1')
  })
})
