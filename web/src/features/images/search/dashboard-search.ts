import { z } from 'zod/mini'
import {
  IMAGE_STATUSES,
  IMAGE_TYPES,
  PAGE_SIZES,
  SORT_FIELDS,
  SORT_ORDERS,
  VISIBILITIES,
} from '@contract/api'

/** The drawer's tabs (mirrors image-drawer's DetailTab; kept here so the URL needs no drawer code). */
export const DRAWER_TABS = ['overview', 'readme', 'software', 'versions', 'json'] as const
export type DrawerTab = (typeof DRAWER_TABS)[number]
export type PageSize = (typeof PAGE_SIZES)[number]

/** design.md §6, in the order they appear in a URL. */
export const SEARCH_PARAMS = [
  'region',
  'zone',
  'project',
  'q',
  'status',
  'type',
  'visibility',
  'tag',
  'gpu',
  'framework',
  'failed',
  'sort',
  'order',
  'page',
  'size',
  'image',
  'tab',
] as const
export type SearchParam = (typeof SEARCH_PARAMS)[number]

// Same bounds the proxy enforces (proxy/routes/params.ts), so a URL we accept never earns a 400.
const MAX_ITEMS = 20
/** Control characters never belong in a parameter (the proxy refuses them too). */
const hasControl = (s: string) =>
  [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)

function splitList(value: unknown): string[] {
  const parts = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(',')
      : []
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))]
}

const noControl = z.refine<string>((s) => !hasControl(s))

// zod/mini (functional API): the URL schema is on the first load, and mini tree-shakes.
const text = (max: number, pattern?: RegExp) =>
  z.pipe(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((v) => String(v).trim()),
    ),
    z.pipe(
      z.string().check(
        z.maxLength(max),
        noControl,
        z.refine<string>((s) => s === '' || !pattern || pattern.test(s)),
      ),
      z.transform((s) => s || undefined),
    ),
  )

const wholeNumber = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((v) => (typeof v === 'number' ? v : /^\d{1,9}$/.test(v.trim()) ? Number(v) : NaN)),
)

const listInput = z.pipe(
  z.union([z.string(), z.array(z.string())]),
  z.transform((v: string | string[]) => splitList(v)),
)

/** Items of list parameters: one schema per list, used to keep good items and report bad ones. */
const LIST_ITEMS = {
  status: z.enum(IMAGE_STATUSES),
  type: z.enum(IMAGE_TYPES),
  tag: z.string().check(z.maxLength(64), noControl),
  gpu: z.string().check(z.maxLength(64), noControl),
  framework: z.string().check(z.maxLength(64), noControl),
}
type ListParam = keyof typeof LIST_ITEMS

/** A list keeps its valid items: `status=Making,Bogus` is `[Making]` plus a notice about Bogus. */
function list<S extends string>(item: z.ZodMiniType<S, string>) {
  const valid = z.pipe(
    listInput,
    z.transform((items: string[]) =>
      items.filter((i) => z.safeParse(item, i).success).slice(0, MAX_ITEMS),
    ),
  )
  return z.catch(z._default(z.pipe(valid, z.array(item)), []), [])
}

/** Single-valued parameters, strict: a value these reject is dropped with a notice. */
const SCALARS = {
  region: text(32, /^[a-z0-9-]+$/),
  zone: text(32, /^[a-z0-9-]+$/),
  project: text(64, /^[A-Za-z0-9_-]+$/),
  q: text(200),
  visibility: z.enum(VISIBILITIES),
  failed: z.pipe(
    z.union([z.boolean(), z.enum(['1', '0', 'true', 'false'])]),
    z.transform((v) => v === true || v === '1' || v === 'true'),
  ),
  sort: z.enum(SORT_FIELDS),
  order: z.enum(SORT_ORDERS),
  page: z.pipe(wholeNumber, z.int().check(z.gte(1), z.lte(10_000_000))),
  size: z.pipe(wholeNumber, z.literal(PAGE_SIZES)),
  image: text(128, /^[A-Za-z0-9._-]+$/),
  tab: z.enum(DRAWER_TABS),
}

export const SEARCH_DEFAULTS = {
  status: [],
  type: [],
  tag: [],
  gpu: [],
  framework: [],
  failed: false,
  sort: 'CreateTime',
  order: 'desc',
  page: 1,
  size: 20,
  tab: 'overview',
} as const

const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined)
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) =>
  z.catch(z._default(schema, value as never), value as never)

/** The route's `validateSearch`: `.catch()` per field, so one bad value never wipes the others. */
export const dashboardSearchSchema = z.object({
  region: optional(SCALARS.region),
  zone: optional(SCALARS.zone),
  project: optional(SCALARS.project),
  q: optional(SCALARS.q),
  status: list(LIST_ITEMS.status),
  type: list(LIST_ITEMS.type),
  visibility: optional(SCALARS.visibility),
  tag: list(LIST_ITEMS.tag),
  gpu: list(LIST_ITEMS.gpu),
  framework: list(LIST_ITEMS.framework),
  failed: withDefault(SCALARS.failed, false),
  sort: withDefault(SCALARS.sort, SEARCH_DEFAULTS.sort),
  order: withDefault(SCALARS.order, SEARCH_DEFAULTS.order),
  page: withDefault(SCALARS.page, 1),
  size: withDefault(SCALARS.size, 20),
  image: optional(SCALARS.image),
  tab: withDefault(SCALARS.tab, SEARCH_DEFAULTS.tab),
})

export type DashboardSearch = z.output<typeof dashboardSearchSchema>
export type DashboardSearchInput = z.input<typeof dashboardSearchSchema>
/** For the router's stripSearchParams: values equal to these stay out of the URL. */
export const DEFAULT_SEARCH: Partial<DashboardSearch> = {
  ...SEARCH_DEFAULTS,
  status: [],
  type: [],
  tag: [],
  gpu: [],
  framework: [],
}
export interface DroppedParam {
  param: SearchParam
  value: string
}

const isListParam = (param: SearchParam): param is ListParam => param in LIST_ITEMS

/** Parses a raw query (every value a string) and says which values were dropped. Never throws. */
export function parseDashboardSearch(raw: Record<string, string>): {
  search: DashboardSearch
  dropped: DroppedParam[]
} {
  const search = z.parse(dashboardSearchSchema, raw)
  const dropped: DroppedParam[] = []
  for (const param of SEARCH_PARAMS) {
    const value = raw[param]
    if (typeof value !== 'string' || value.trim() === '') continue
    if (isListParam(param)) {
      const items = splitList(value)
      const bad = items.filter((item) => !z.safeParse(LIST_ITEMS[param], item).success)
      const good = items.filter((item) => !bad.includes(item))
      for (const item of [...bad, ...good.slice(MAX_ITEMS)]) dropped.push({ param, value: item })
    } else if (!z.safeParse(SCALARS[param], value).success) {
      dropped.push({ param, value })
    }
  }
  return { search, dropped }
}

/** The raw string of a parameter as it goes in a URL, or undefined when it stays out. */
export function paramString(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined
  if (value === true) return '1'
  if (Array.isArray(value)) return value.length ? value.map(String).join(',') : undefined
  const s = String(value)
  return s === '' ? undefined : s
}

const DEFAULT_STRINGS: Partial<Record<SearchParam, string>> = {
  sort: SEARCH_DEFAULTS.sort,
  order: SEARCH_DEFAULTS.order,
  page: '1',
  size: '20',
  tab: SEARCH_DEFAULTS.tab,
  failed: '0',
}

/**
 * The URL's query for a search, canonical: design.md's order, defaults left out, lists as one
 * comma-separated value. Tolerates raw strings too (the router stringifies what it parsed).
 */
export function serializeDashboardSearch(
  search: Partial<Record<SearchParam, unknown>>,
): URLSearchParams {
  const params = new URLSearchParams()
  for (const param of SEARCH_PARAMS) {
    const value = paramString(search[param])
    if (value === undefined || value === DEFAULT_STRINGS[param]) continue
    if (param === 'tab' && paramString(search.image) === undefined) continue
    params.set(param, value)
  }
  return params
}

/** `?status=UnAvailable,Making`: commas stay readable (URLSearchParams would write %2C). */
export function toQueryString(params: URLSearchParams): string {
  const s = params.toString().replace(/%2C/gi, ',')
  return s ? `?${s}` : ''
}

export function rawSearch(searchStr: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(searchStr))
}
