import type { Image } from '../contract/api'
import { FILTERS, type FilterRow, type FilterSpec } from '../contract/filters'
import { failureSignature } from '../failures/signature'
import { searchText, type SearchText } from './query-text'

/** A string value, or null when it is missing, not a string, or blank. */
export function textValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** A snapshot's list with what every query reads precomputed once (see query.ts). */
export interface QueryIndex {
  readonly images: readonly Image[]
  /** What the FILTERS table reads, one row per image, in list order. */
  readonly rows: readonly FilterRow[]
  /** What `q` searches (query-text.ts). */
  readonly text: SearchText
  /** What each list and single filter reads from the rows (see ValueColumn). */
  readonly columns: ReadonlyMap<ValueSpec, ValueColumn>
  /** Image positions in sorted order, built on first use (query-sort.ts), keyed `field:order`. */
  readonly sorts: Map<string, readonly number[]>
  /** Which images hold a search term, for recent terms (see termMatches). */
  readonly terms: Map<string, Uint8Array>
  /** GroupId → how many images of the whole list are versions of that family. */
  readonly familySizes: ReadonlyMap<string, number>
}

/** The FILTERS rows that read a value from a row: `list` and `one`. */
export type ValueSpec = Extract<FilterSpec, { kind: 'list' | 'one' }>
export const VALUE_SPECS = (FILTERS as readonly FilterSpec[]).filter(
  (spec): spec is ValueSpec => spec.kind === 'list' || spec.kind === 'one',
)

/**
 * One list or single filter's values over a snapshot, read once: each distinct value once, and
 * each row's distinct values as positions in that list. A query then tests and counts small
 * numbers in arrays: calling every filter's `read` per row per query and counting facets in Maps
 * of strings took ~10 ms a query at 10,000 images, ~1.3 ms this way (issue 9's warm query guard:
 * p50 within 5× /api/health's).
 */
export interface ValueColumn {
  readonly values: readonly string[]
  readonly codeOf: ReadonlyMap<string, number>
  /** Row i's values are `values[c]` for each c in `codes[i]`, each once. */
  readonly codes: readonly (readonly number[])[]
}

/** Precomputes a list's filter rows, value columns and search text; sort orders come lazily. */
export function buildIndex(images: readonly Image[]): QueryIndex {
  const { newest, sizes } = families(images)
  const keyOf = reasonKeys()
  const rows = images.map((image, i): FilterRow => ({
    image,
    reasonKey: keyOf(image.FailedReason),
    latest: newest.has(i),
  }))
  const columns = new Map(VALUE_SPECS.map((spec) => [spec, valueColumn(spec, rows)]))
  const text = searchText(images)
  return { images, rows, text, columns, sorts: new Map(), terms: new Map(), familySizes: sizes }
}

function valueColumn(spec: ValueSpec, rows: readonly FilterRow[]): ValueColumn {
  const values: string[] = []
  const codeOf = new Map<string, number>()
  const codeFor = (value: string) => {
    let code = codeOf.get(value)
    if (code === undefined) codeOf.set(value, (code = values.push(value) - 1))
    return code
  }
  // Rows with the same values share one list: most rows hold one of a few.
  const lists = new Map<string, readonly number[]>()
  const codes = rows.map((row) => {
    const read = spec.read(row)
    const list = [...new Set((read === null ? [] : [read].flat()).map(codeFor))]
    const key = list.join(',')
    return lists.get(key) ?? lists.set(key, list).get(key)!
  })
  return { values, codeOf, codes }
}

/**
 * Search terms a snapshot remembers the matches of. Paging, sorting and facet clicks repeat the
 * same `q`, and scanning the text for a term costs more than the rest of a query (~3 ms at 10,000
 * images). Each is a byte per image (1 where the text holds the term): 32 of them, 3 MB at
 * 100,000 images.
 */
const REMEMBERED_TERMS = 32

/** For each image, 1 where its search text holds `term` (a folded term, query-text.ts). */
export function termMatches(index: QueryIndex, term: string): Uint8Array {
  let matches = index.terms.get(term)
  if (matches === undefined) {
    const { values, ofImage } = index.text
    const hit = values.map((value) => value.includes(term))
    matches = Uint8Array.from(ofImage, (ids) => (ids.some((id) => hit[id]) ? 1 : 0))
    index.terms.set(term, matches)
    // The oldest out first; a Map iterates in insertion order.
    if (index.terms.size > REMEMBERED_TERMS) index.terms.delete(index.terms.keys().next().value!)
  }
  return matches
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
 * older than any; among equal times the first in the list wins. And each family's size.
 */
function families(images: readonly Image[]): { newest: Set<number>; sizes: Map<string, number> } {
  const newestOf = new Map<string, number>()
  const sizes = new Map<string, number>()
  const out = new Set<number>()
  images.forEach((image, i) => {
    const group = textValue(image.GroupId)
    if (group === null) {
      out.add(i)
      return
    }
    sizes.set(group, (sizes.get(group) ?? 0) + 1)
    const best = newestOf.get(group)
    if (best === undefined || time(image) > time(images[best]!)) newestOf.set(group, i)
  })
  for (const i of newestOf.values()) out.add(i)
  return { newest: out, sizes }
}

const time = (image: Image) => image.CreateTime ?? Number.NEGATIVE_INFINITY
