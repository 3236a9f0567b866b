import type { Image } from '../contract/api'
import { createSearchTextBuilder, type SearchText, type SearchTextBuilder } from './query-text'

/**
 * Collation for every string the list sorts: Chinese in pinyin order, and digit runs compared as
 * numbers so CUDA `12.10` follows `12.4`.
 */
export const collator = new Intl.Collator('zh-CN', { numeric: true })

/** A string value, or null when it is missing, not a string, or blank. */
export function textValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** One facet's values as small ints, so filtering and counting are typed-array loops. */
export interface FacetColumn {
  /** Distinct raw values in collation order: code k stands for `values[k - 1]`. */
  readonly values: readonly string[]
  readonly codeOf: ReadonlyMap<string, number>
  /** One code per image, 0 for none (for tags, see TagColumn). */
  readonly codes: Int32Array
}

/** Tags, the multi-valued facet, both ways round. */
export interface TagColumn extends FacetColumn {
  /** Image i's tag codes are `codes[start[i]]…codes[start[i + 1] - 1]`, each tag once. */
  readonly start: Int32Array
  /** The images with tag code k are `postings[postingStart[k]]…`, ascending. */
  readonly postingStart: Int32Array
  readonly postings: Int32Array
}

/** design.md §4's single-valued facets, in the query loop's order (`tags` is kept apart). */
export const SINGLE_FACETS = ['status', 'type', 'visibility', 'gpu', 'framework'] as const
export type SingleFacet = (typeof SINGLE_FACETS)[number]

const FACET_VALUE: Record<SingleFacet, (image: Image) => string | null> = {
  status: (image) => textValue(image.Status),
  type: (image) => textValue(image.ImageType),
  visibility: (image) =>
    image.Visibility === 0 ? 'private' : image.Visibility === 1 ? 'public' : null,
  gpu: (image) => textValue(image.SourceGpuType),
  framework: (image) => textValue(image.Softwares?.Framework),
}

/** `scratch.selected` bits: passes every filter (in the list); passes all but the tag filter. */
export const SELECTED = 1
export const TAG_ELIGIBLE = 2

/** A snapshot's list with everything a query needs precomputed (see query.ts). */
export interface QueryIndex {
  readonly images: readonly Image[]
  readonly text: SearchText
  /** 1 where the image has a non-blank FailedReason. */
  readonly failed: Uint8Array
  readonly facets: Readonly<Record<SingleFacet, FacetColumn>>
  readonly tags: TagColumn
  /** Sort orders, built on first use (query-sort.ts), keyed `field:order`. */
  readonly sorts: Map<string, Int32Array>
  /** Match lists of recent search terms (query-search.ts), least recently used first. */
  readonly termCache: Map<string, Int32Array>
  /** Every position, 0…n-1: what a query without search text walks. */
  readonly everyone: Int32Array
  /** Per-query working memory, reused: queries run synchronously, one at a time. */
  readonly scratch: {
    readonly selected: Uint8Array
    readonly docs: Int32Array
    readonly tagHave: Uint16Array
    /** Images matching the search term being scanned (query-search.ts). */
    readonly hits: Uint8Array
  }
}

/**
 * Precomputes a list's search text, facet codes and flags; sort orders come lazily. `searchText`
 * may already hold the rows' values (gathered as a load's pages arrived).
 */
export function buildIndex(
  images: readonly Image[],
  searchText: SearchTextBuilder = createSearchTextBuilder(),
): QueryIndex {
  const n = images.length
  const failed = new Uint8Array(n)
  for (let i = 0; i < n; i++) failed[i] = textValue(images[i]!.FailedReason) === null ? 0 : 1
  const facets = {} as Record<SingleFacet, FacetColumn>
  for (const name of SINGLE_FACETS) facets[name] = singleColumn(images, FACET_VALUE[name])
  return {
    images,
    text: searchText.build(images),
    failed,
    facets,
    tags: tagColumn(images),
    sorts: new Map(),
    termCache: new Map(),
    everyone: positions(n),
    scratch: {
      selected: new Uint8Array(n),
      docs: new Int32Array(n),
      tagHave: new Uint16Array(n),
      hits: new Uint8Array(n),
    },
  }
}

function positions(n: number): Int32Array {
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[i] = i
  return out
}

const NO_TAGS: readonly string[] = []

function dictionary(values: Iterable<string>): { values: string[]; codeOf: Map<string, number> } {
  const sorted = [...new Set(values)].sort(collator.compare)
  return { values: sorted, codeOf: new Map(sorted.map((value, k) => [value, k + 1])) }
}

function singleColumn(images: readonly Image[], pick: (image: Image) => string | null) {
  const raw = images.map(pick)
  const distinct = new Set(raw)
  distinct.delete(null)
  const { values, codeOf } = dictionary(distinct as Set<string>)
  const codes = new Int32Array(images.length)
  for (let i = 0; i < raw.length; i++) codes[i] = raw[i] === null ? 0 : codeOf.get(raw[i]!)!
  return { values, codeOf, codes }
}

function tagColumn(images: readonly Image[]): TagColumn {
  // Rows share their Tags lists (list-rows.ts makes equal lists one), so each distinct list is
  // cleaned and coded once rather than once per image.
  const cleaned = new Map<readonly unknown[], string[]>()
  const lists = images.map((image) => {
    if (!Array.isArray(image.Tags)) return NO_TAGS
    let list = cleaned.get(image.Tags)
    if (list === undefined) {
      list = []
      for (const tag of image.Tags) {
        const value = textValue(tag)
        // Each image's tags once: a repeated tag neither counts twice nor satisfies a filter twice.
        if (value !== null && !list.includes(value)) list.push(value)
      }
      cleaned.set(image.Tags, list)
    }
    return list
  })
  const { values, codeOf } = dictionary([...cleaned.values()].flat())
  const coded = new Map<readonly string[], Int32Array>()
  const codesOf = (list: readonly string[]) => {
    let out = coded.get(list)
    if (out === undefined) coded.set(list, (out = Int32Array.from(list, (v) => codeOf.get(v)!)))
    return out
  }
  const start = new Int32Array(images.length + 1)
  for (let i = 0; i < images.length; i++) start[i + 1] = start[i]! + lists[i]!.length
  const codes = new Int32Array(start[images.length]!)
  for (let i = 0; i < images.length; i++) codes.set(codesOf(lists[i]!), start[i]!)
  // The inverse: for each tag, its images (a counting sort of the pairs by tag).
  const postingStart = new Int32Array(values.length + 2)
  for (const code of codes) postingStart[code + 1]!++
  for (let k = 1; k < postingStart.length; k++) postingStart[k]! += postingStart[k - 1]!
  const fill = postingStart.slice()
  const postings = new Int32Array(codes.length)
  for (let i = 0; i < images.length; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) postings[fill[codes[k]!]!++] = i
  }
  return { values, codeOf, codes, start, postingStart, postings }
}
