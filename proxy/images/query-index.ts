import type { Image } from '../contract/api'
import { FILTERS, type FilterRow, type FilterSpec } from '../contract/filters'
import { failureSignature } from '../failures/signature'
import { searchText } from './query-text'

/** A string value, or null when it is missing, not a string, or blank. */
export function textValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** A snapshot's list with what every query reads precomputed once (see query.ts). */
export interface QueryIndex {
  readonly images: readonly Image[]
  /** What the FILTERS table reads, one row per image, in list order. */
  readonly rows: readonly FilterRow[]
  /** Each image's folded search text (query-text.ts), in list order. */
  readonly text: readonly string[]
  /**
   * What each list and single filter reads from each row, its distinct values as a list (none
   * for null). Read once here: a query filters and facets every row, and calling each filter's
   * `read` per row per query was most of its time (about 14 ms at 10,000 images, ~2 ms this way).
   */
  readonly values: ReadonlyMap<ValueSpec, readonly (readonly string[])[]>
  /** Image positions in sorted order, built on first use (query-sort.ts), keyed `field:order`. */
  readonly sorts: Map<string, readonly number[]>
}

/** The FILTERS rows that read a value from a row: `list` and `one`. */
export type ValueSpec = Extract<FilterSpec, { kind: 'list' | 'one' }>
export const VALUE_SPECS = (FILTERS as readonly FilterSpec[]).filter(
  (spec): spec is ValueSpec => spec.kind === 'list' || spec.kind === 'one',
)

const NONE: readonly string[] = []

/** Precomputes a list's filter rows, their values and search text; sort orders come lazily. */
export function buildIndex(images: readonly Image[]): QueryIndex {
  const newest = newestOfFamilies(images)
  const keyOf = reasonKeys()
  const rows = images.map((image, i): FilterRow => ({
    image,
    reasonKey: keyOf(image.FailedReason),
    latest: newest.has(i),
  }))
  const values = new Map(VALUE_SPECS.map((spec) => [spec, rows.map((row) => valuesOf(spec, row))]))
  return { images, rows, text: images.map(searchText), values, sorts: new Map() }
}

function valuesOf(spec: ValueSpec, row: FilterRow): readonly string[] {
  const value = spec.read(row)
  if (value === null) return NONE
  return typeof value === 'string' ? [value] : [...new Set(value)]
}

/** FailedReason → its failure group's key; an account's failures repeat a few reasons. */
function reasonKeys(): (reason: unknown) => string | null {
  const known = new Map<string, string>()
  return (reason) => {
    const text = textValue(reason)
    if (text === null) return null
    let key = known.get(text)
    if (key === undefined) known.set(text, (key = failureSignature(text).key))
    return key
  }
}

/**
 * The positions of each GroupId family's newest version, by CreateTime, in the whole list
 * (design.md §4 `latest`): an image without a GroupId is a family of one; a missing CreateTime is
 * older than any; among equal times the first in the list wins.
 */
function newestOfFamilies(images: readonly Image[]): Set<number> {
  const newestOf = new Map<string, number>()
  const out = new Set<number>()
  images.forEach((image, i) => {
    const group = textValue(image.GroupId)
    if (group === null) {
      out.add(i)
      return
    }
    const best = newestOf.get(group)
    if (best === undefined || time(image) > time(images[best]!)) newestOf.set(group, i)
  })
  for (const i of newestOf.values()) out.add(i)
  return out
}

const time = (image: Image) => image.CreateTime ?? Number.NEGATIVE_INFINITY
