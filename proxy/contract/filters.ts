/**
 * The list's filters as one table of data (design.md §4, §6; style.md convention 16). The proxy's
 * parameter parsing and query, the facets, the SPA's URL schema, its filter chips and its API
 * query all derive from this table: adding a filter is a row here, its label in the two locale
 * files (`filters.<name>` in images.json) and its tests. Pure data and pure functions: the SPA
 * imports this module at run time.
 */
import { IMAGE_STATUSES, IMAGE_TYPES, VISIBILITIES, type FacetName, type Image } from './api'

/** One image of a snapshot with the values derived once per snapshot that filters read. */
export interface FilterRow {
  image: Image
  /** The failure group's key (proxy/failures), or null when the image has no FailedReason. */
  reasonKey: string | null
  /** The newest version, by CreateTime, of its GroupId family (a family of one without one). */
  latest: boolean
}

/**
 * - `text`: free text, matched by the engine's folded search text (only `q`).
 * - `list`: a comma list; an image matches any value (`match: 'any'`) or must have every value
 *   (`'all'`). `read` gives the image's value(s).
 * - `one`: a single value; `read` gives the image's value.
 * - `flag`: `1` turns it on; `test` says whether an image passes.
 * `values` lists the accepted values when the set is closed; `pattern` checks an open one.
 * `facet` names the facet the filter narrows (design.md §4: its counts ignore this filter).
 */
export type FilterSpec =
  | { readonly name: string; readonly kind: 'text'; readonly max: number }
  | {
      readonly name: string
      readonly kind: 'list'
      readonly match: 'any' | 'all'
      readonly values?: readonly string[]
      readonly facet?: FacetName
      readonly read: (row: FilterRow) => string | readonly string[] | null
    }
  | {
      readonly name: string
      readonly kind: 'one'
      readonly values?: readonly string[]
      readonly pattern?: RegExp
      readonly facet?: FacetName
      readonly read: (row: FilterRow) => string | null
    }
  | { readonly name: string; readonly kind: 'flag'; readonly test: (row: FilterRow) => boolean }

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null

export const FILTERS = [
  { name: 'q', kind: 'text', max: 200 },
  {
    name: 'status',
    kind: 'list',
    match: 'any',
    values: IMAGE_STATUSES,
    facet: 'status',
    read: (r) => text(r.image.Status),
  },
  {
    name: 'type',
    kind: 'list',
    match: 'any',
    values: IMAGE_TYPES,
    facet: 'type',
    read: (r) => text(r.image.ImageType),
  },
  {
    name: 'visibility',
    kind: 'one',
    values: VISIBILITIES,
    facet: 'visibility',
    read: (r) =>
      r.image.Visibility === 0 ? 'private' : r.image.Visibility === 1 ? 'public' : null,
  },
  {
    name: 'tag',
    kind: 'list',
    match: 'all',
    facet: 'tags',
    read: (r) => (Array.isArray(r.image.Tags) ? r.image.Tags.filter((t) => text(t)) : null),
  },
  {
    name: 'gpu',
    kind: 'list',
    match: 'any',
    facet: 'gpu',
    read: (r) => text(r.image.SourceGpuType),
  },
  {
    name: 'framework',
    kind: 'list',
    match: 'any',
    facet: 'framework',
    read: (r) => text(r.image.Softwares?.Framework),
  },
  // Any FailedReason at all (reasonKey's null case) without hashing it: every list answer counts
  // these for its failedTotal.
  { name: 'failed', kind: 'flag', test: (r) => text(r.image.FailedReason) !== null },
  // A failure group's key (design.md §4 /api/failures): proxy/failures makes short hex ids.
  { name: 'reason', kind: 'one', pattern: /^[0-9a-f]{6,40}$/, read: (r) => r.reasonKey },
  // The newest version of each GroupId family, in the whole list (design.md §4).
  { name: 'latest', kind: 'flag', test: (r) => r.latest },
] as const satisfies readonly FilterSpec[]

export type Filter = (typeof FILTERS)[number]
export type FilterName = Filter['name']

type ValueOf<S> = S extends { kind: 'list' }
  ? string[]
  : S extends { kind: 'flag' }
    ? boolean
    : string | undefined

/** Parsed filter values: a list is `[]` when absent, a flag `false`, anything else undefined. */
export type FilterValues = { [S in Filter as S['name']]: ValueOf<S> }

/** Bounds the proxy enforces and the SPA's URL keeps within, so a URL we accept never earns a 400. */
export const FILTER_LIMITS = { item: 64, items: 20 } as const

export const EMPTY_FILTERS = Object.fromEntries(
  FILTERS.map((f) => [f.name, f.kind === 'list' ? [] : f.kind === 'flag' ? false : undefined]),
) as unknown as FilterValues

// Control characters never belong in a filter value; they hint at a broken or hostile client.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/

/** Why a raw value was refused, in words both the proxy's 400 and the SPA's notice can show. */
export interface Rejected {
  value: string
  reason: string
}

/**
 * One filter's raw parameter (`undefined` when absent) read and checked. Lenient by design: the
 * good part of the value is kept and every bad part is reported, so the proxy can refuse the
 * request (400 naming the first) and the SPA can drop just the bad part with a notice.
 */
export function readFilter<S extends Filter>(
  spec: S,
  raw: string | undefined,
): { value: FilterValues[S['name']]; rejected: Rejected[] } {
  const rejected: Rejected[] = []
  const value = raw?.trim() ?? ''
  const empty = EMPTY_FILTERS[spec.name as FilterName]
  const out = (v: unknown) => ({ value: v as FilterValues[S['name']], rejected })
  if (value === '') return out(empty)
  if (CONTROL.test(value)) {
    rejected.push({ value, reason: 'contains control characters' })
    return out(empty)
  }
  const s = spec as FilterSpec
  switch (s.kind) {
    case 'text':
      if (value.length <= s.max) return out(value)
      rejected.push({ value, reason: `is too long (at most ${s.max} characters)` })
      return out(empty)
    case 'flag':
      if (value === '1' || value === '0') return out(value === '1')
      rejected.push({ value, reason: 'must be 1 or 0' })
      return out(empty)
    case 'one':
      if (accepts(s, value, rejected)) return out(value)
      return out(empty)
    case 'list': {
      const items = [...new Set(value.split(',').map((i) => i.trim()))].filter(Boolean)
      const good = items.filter((item) => accepts(s, item, rejected))
      for (const extra of good.slice(FILTER_LIMITS.items)) {
        rejected.push({ value: extra, reason: `is past the ${FILTER_LIMITS.items}-value limit` })
      }
      return out(good.slice(0, FILTER_LIMITS.items))
    }
  }
}

function accepts(
  spec: { values?: readonly string[]; pattern?: RegExp },
  item: string,
  rejected: Rejected[],
): boolean {
  if (spec.values && !spec.values.includes(item)) {
    rejected.push({ value: item, reason: `must be one of: ${spec.values.join(', ')}` })
  } else if (item.length > FILTER_LIMITS.item) {
    rejected.push({ value: item, reason: `is too long (at most ${FILTER_LIMITS.item} characters)` })
  } else if (spec.pattern && !spec.pattern.test(item)) {
    rejected.push({ value: item, reason: `does not look like ${String(spec.pattern)}` })
  } else return true
  return false
}

/** A filter's value as it goes in a URL or an API query; undefined when it stays out. */
export function writeFilter(spec: Filter, value: unknown): string | undefined {
  if (spec.kind === 'list')
    return Array.isArray(value) && value.length ? value.join(',') : undefined
  if (spec.kind === 'flag') return value === true ? '1' : undefined
  return typeof value === 'string' && value !== '' ? value : undefined
}
