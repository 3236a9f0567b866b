import {
  createParser,
  createSerializer,
  parseAsStringLiteral,
  type SingleParserBuilder,
} from 'nuqs'
import { PAGE_SIZES, SORT_FIELDS, SORT_ORDERS, type SortField, type SortOrder } from '@contract/api'
import {
  EMPTY_FILTERS,
  FILTERS,
  readFilter,
  writeFilter,
  type Filter,
  type FilterName,
  type FilterValues,
} from '@contract/filters'

/** The drawer's tabs (mirrors image-drawer's DetailTab; kept here so the URL needs no drawer code). */
export const DRAWER_TABS = ['overview', 'readme', 'software', 'versions', 'json'] as const
export type DrawerTab = (typeof DRAWER_TABS)[number]
export const VIEWS = ['list', 'failures'] as const
export type View = (typeof VIEWS)[number]
export type PageSize = (typeof PAGE_SIZES)[number]

/**
 * The view as the URL holds it (design.md §6): every filter of the FILTERS table, plus the
 * parameters that are not filters, declared here by hand.
 */
export type DashboardSearch = FilterValues & {
  region?: string
  zone?: string
  project?: string
  view: View
  sort: SortField
  order: SortOrder
  page: number
  size: PageSize
  /** Hidden columns by their API field names (engineer H's column choice travels as this). */
  hide: string[]
  image?: string
  tab: DrawerTab
}

// Control characters never belong in a parameter (the proxy refuses them too).
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/

/** A single free value checked against a pattern and a length; anything else reads as absent. */
const parseAsText = (max: number, pattern: RegExp) =>
  createParser<string>({
    parse: (raw) => {
      const value = raw.trim()
      return value && value.length <= max && !CONTROL.test(value) && pattern.test(value)
        ? value
        : null
    },
    serialize: String,
  })

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i])

const COLUMN_ID = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/
const MAX_HIDDEN = 40

/** `hide=Price,Visibility`: the column ids that look like ids, in order, once each. */
const parseAsColumnList = createParser<string[]>({
  parse: (raw) =>
    [...new Set(raw.split(',').map((s) => s.trim()))]
      .filter((id) => COLUMN_ID.test(id))
      .slice(0, MAX_HIDDEN),
  serialize: (ids) => ids.join(','),
  eq: sameList,
}).withDefault([])

/** One parser per FILTERS row, lenient as readFilter is: the good part of a value is kept. */
function filterParser(spec: Filter) {
  const parser = createParser<unknown>({
    parse: (raw) => readFilter(spec, raw).value ?? null,
    serialize: (value) => writeFilter(spec, value) ?? '',
    eq: (a, b) =>
      Array.isArray(a) && Array.isArray(b)
        ? sameList(a as string[], b as string[])
        : writeFilter(spec, a) === writeFilter(spec, b),
  })
  const empty = EMPTY_FILTERS[spec.name as FilterName]
  return empty === undefined ? parser : parser.withDefault(empty)
}

const FILTER_PARSERS = Object.fromEntries(FILTERS.map((spec) => [spec.name, filterParser(spec)]))

const SEARCH_DEFAULTS_BASE = {
  view: 'list',
  sort: 'CreateTime',
  order: 'desc',
  page: 1,
  size: 20,
  tab: 'overview',
} as const

/**
 * Every URL parameter's nuqs parser, in design.md §6's order (filters in FILTERS' order). This
 * order is also the URL's: `canonicalOrder` writes parameters the way they are listed here.
 */
export const SEARCH_PARSERS = {
  region: parseAsText(32, /^[a-z0-9-]+$/),
  zone: parseAsText(32, /^[a-z0-9-]+$/),
  project: parseAsText(64, /^[A-Za-z0-9_-]+$/),
  view: parseAsStringLiteral(VIEWS).withDefault(SEARCH_DEFAULTS_BASE.view),
  ...FILTER_PARSERS,
  sort: parseAsStringLiteral(SORT_FIELDS).withDefault(SEARCH_DEFAULTS_BASE.sort),
  order: parseAsStringLiteral(SORT_ORDERS).withDefault(SEARCH_DEFAULTS_BASE.order),
  page: createParser<number>({
    parse: (raw) => (/^\d{1,8}$/.test(raw.trim()) && Number(raw) >= 1 ? Number(raw) : null),
    serialize: String,
  }).withDefault(SEARCH_DEFAULTS_BASE.page),
  size: createParser<PageSize>({
    parse: (raw) => PAGE_SIZES.find((size) => String(size) === raw.trim()) ?? null,
    serialize: String,
  }).withDefault(SEARCH_DEFAULTS_BASE.size),
  hide: parseAsColumnList,
  image: parseAsText(128, /^[A-Za-z0-9._-]+$/),
  tab: parseAsStringLiteral(DRAWER_TABS).withDefault(SEARCH_DEFAULTS_BASE.tab),
} as unknown as Record<SearchParam, SingleParserBuilder<unknown>>

export const SEARCH_PARAMS: readonly SearchParam[] = [
  'region',
  'zone',
  'project',
  'view',
  ...FILTERS.map((f) => f.name),
  'sort',
  'order',
  'page',
  'size',
  'hide',
  'image',
  'tab',
]
export type SearchParam = keyof DashboardSearch & string

/** The whole view when the URL is empty. */
export const SEARCH_DEFAULTS: DashboardSearch = {
  ...EMPTY_FILTERS,
  ...SEARCH_DEFAULTS_BASE,
  hide: [],
}

/** nuqs' state has null for an absent value; the app's has undefined (or the default). */
export function fromState(state: Record<string, unknown>): DashboardSearch {
  const search: Record<string, unknown> = { ...SEARCH_DEFAULTS }
  for (const param of SEARCH_PARAMS) {
    const value = state[param]
    if (value !== null && value !== undefined) search[param] = value
  }
  return search as DashboardSearch
}

export function toState(search: Partial<DashboardSearch>): Record<SearchParam, unknown> {
  const state = {} as Record<SearchParam, unknown>
  for (const param of SEARCH_PARAMS) {
    const value = search[param]
    const empty = value === undefined || value === '' || (Array.isArray(value) && !value.length)
    state[param] = empty ? (SEARCH_DEFAULTS[param] ?? null) : value
  }
  return state
}

/**
 * The URL's parameters in the canonical order: design.md §6's, then anything we do not know
 * (another tool's parameter is left alone). `tab` means nothing without an open image.
 */
export function canonicalOrder(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams()
  for (const param of SEARCH_PARAMS) {
    const value = params.get(param)
    if (value === null || (param === 'tab' && !params.has('image'))) continue
    out.set(param, value)
  }
  for (const [key, value] of params)
    if (!out.has(key) && !SEARCH_PARSERS[key as SearchParam]) out.append(key, value)
  return out
}

const serializer = createSerializer(SEARCH_PARSERS, { processUrlSearchParams: canonicalOrder })

/** `?status=UnAvailable,Making&page=2`: the view's URL query, defaults left out, canonical order. */
export function serializeDashboardSearch(search: Partial<DashboardSearch>): string {
  return serializer(toState(search))
}

export interface DroppedParam {
  param: string
  value: string
}

/** A raw query read once, with every value that was not understood (design.md §6's notice). */
export function parseDashboardSearch(query: string | URLSearchParams): {
  search: DashboardSearch
  dropped: DroppedParam[]
} {
  const params = new URLSearchParams(query)
  const state: Record<string, unknown> = {}
  const dropped: DroppedParam[] = []
  for (const param of SEARCH_PARAMS) {
    const raw = params.get(param)
    if (raw === null) continue
    const spec = FILTERS.find((f) => f.name === param)
    if (spec) {
      const { value, rejected } = readFilter(spec, raw)
      state[param] = value
      for (const r of rejected) dropped.push({ param, value: r.value })
      continue
    }
    const value = SEARCH_PARSERS[param].parse(raw)
    state[param] = value
    if (raw.trim() !== '' && value === null) dropped.push({ param, value: raw })
    if (param === 'hide' && Array.isArray(value)) {
      for (const item of raw.split(',').map((s) => s.trim())) {
        if (item && !value.includes(item)) dropped.push({ param, value: item })
      }
    }
  }
  return { search: fromState(state), dropped }
}
