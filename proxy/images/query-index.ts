import type { Image } from '../contract/api'
import { FILTERS, type FilterRow, type FilterSpec } from '../contract/filters'
import { failureKey } from '../failures/signature'
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
  /** What `q` searches (query-text.ts), read on first use. */
  readonly text: SearchText
  /** Each list and single filter's values (see ValueColumn, columnOf). */
  readonly columns: Map<ValueSpec, ValueColumn>
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
/** The value filters with a facet: every answer counts them, so they are read with the pages. */
const FACETED = VALUE_SPECS.filter((spec) => spec.facet !== undefined)

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

/** A filter's column, read over the rows on first use when it was not read with the pages. */
export function columnOf(index: QueryIndex, spec: ValueSpec): ValueColumn {
  let column = index.columns.get(spec)
  if (column === undefined) {
    const reader = columnReader(spec)
    column = { ...reader.column, codes: index.rows.map(reader.codesOf) }
    index.columns.set(spec, column)
  }
  return column
}

/** Builds a list's index while its pages arrive; see indexBuilder. */
export interface IndexBuilder {
  /** A page as it arrives: its rows are read in a later turn, after the next request is out. */
  add(page: readonly Image[]): void
  /** The index of the whole list (in its order, duplicates gone); rows not read yet are read now. */
  finish(images: readonly Image[]): QueryIndex
}

/**
 * A row of the index. Its failure key is worked out on first use: hashing each distinct reason
 * takes ~26 ms at 10,000 images, which no answer needs until it filters by failure.
 */
class Row implements FilterRow {
  latest = false
  #reasonKey: string | null | undefined
  constructor(
    readonly image: Image,
    private readonly keyOf: (reason: unknown) => string | null,
  ) {}
  get reasonKey(): string | null {
    if (this.#reasonKey === undefined) this.#reasonKey = this.keyOf(this.image.FailedReason)
    return this.#reasonKey
  }
}

/**
 * Precomputes a list's rows and facet columns, page by page as the pages arrive (each row first
 * through `prepare`); the search text, other columns and sort orders come on first use. Kept for
 * issue 9's cold list guard (≤ 1.3× the bound at 10,000 images): reading the whole list took
 * ~300 ms after its last page came in (1.9-2.0× the bound); now ~30 ms is left for the end. A
 * faceted filter's `read` therefore never sees `latest`, which needs the whole list.
 */
export function indexBuilder(prepare: (image: Image) => Image = (image) => image): IndexBuilder {
  const keyOf = reasonKeys()
  const columns = FACETED.map(columnReader)
  const read = new Map<Image, { row: Row; codes: readonly (readonly number[])[] }>()
  const queue: (readonly Image[])[] = []
  let timer: NodeJS.Immediate | undefined

  const readRow = (raw: Image) => {
    const row = new Row(prepare(raw), keyOf)
    return { row, codes: columns.map((column) => column.codesOf(row)) }
  }
  // One page per turn of the event loop: answers that came in meanwhile go first.
  const readNext = () => {
    timer = undefined
    const page = queue.shift()
    if (page === undefined) return
    for (const raw of page) if (!read.has(raw)) read.set(raw, readRow(raw))
    if (queue.length > 0) timer = setImmediate(readNext)
  }
  return {
    add(page) {
      queue.push(page)
      timer ??= setImmediate(readNext)
    },
    finish(list) {
      if (timer !== undefined) clearImmediate(timer)
      queue.length = 0
      const entries = list.map((raw) => read.get(raw) ?? readRow(raw))
      read.clear()
      const rows = entries.map((entry) => entry.row)
      const images = rows.map((row) => row.image)
      const { newest, sizes } = families(images)
      for (const i of newest) rows[i]!.latest = true
      let text: SearchText | undefined
      return {
        images,
        rows,
        // ~40 ms at 10,000 images, wanted only once someone searches.
        get text() {
          return (text ??= searchText(images))
        },
        columns: new Map(
          columns.map((column, c) => [
            column.spec,
            { ...column.column, codes: entries.map((entry) => entry.codes[c]!) },
          ]),
        ),
        sorts: new Map(),
        terms: new Map(),
        familySizes: sizes,
      }
    },
  }
}

/**
 * Reads what `indexBuilder` left for first use (search text, failure keys, the other columns), so
 * the first search or failure filter over a new snapshot does not wait for it (~70 ms at 10,000
 * images). The list cache calls it just after a snapshot's first answer has gone.
 */
export function warmIndex(index: QueryIndex): void {
  void index.text
  for (const spec of VALUE_SPECS) columnOf(index, spec)
}

/** A list read at once: the index of `images` as they are. */
export function buildIndex(images: readonly Image[]): QueryIndex {
  return indexBuilder().finish(images)
}

const NO_CODES: readonly number[] = []

/** Reads one list or single filter's values row by row; see ValueColumn. */
function columnReader(spec: ValueSpec) {
  const values: string[] = []
  const codeOf = new Map<string, number>()
  const codeFor = (value: string) => {
    let code = codeOf.get(value)
    if (code === undefined) codeOf.set(value, (code = values.push(value) - 1))
    return code
  }
  // Rows with the same values share one list: most rows hold one of a few.
  const lists = new Map<string, readonly number[]>()
  const single: (readonly number[])[] = []
  const codesOf = (row: FilterRow): readonly number[] => {
    const read = spec.read(row)
    if (read === null) return NO_CODES
    if (typeof read === 'string') {
      const code = codeFor(read)
      return (single[code] ??= [code])
    }
    const list = [...new Set(read.map(codeFor))]
    const key = list.join(',')
    return lists.get(key) ?? lists.set(key, list).get(key)!
  }
  return { spec, column: { values, codeOf }, codesOf }
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
    if (key === undefined) known.set(text, (key = failureKey(text)))
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
