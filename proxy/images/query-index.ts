import type { Image } from '../contract'
import { buildSearchText, type SearchText } from './query-text'

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
  /** Single-valued facets: one code per image, 0 for none. */
  readonly codes: Int32Array
  /** Multi-valued facets (tags): image i's codes are `codes[start[i]]…codes[start[i + 1] - 1]`. */
  readonly start?: Int32Array
}

/** design.md §4's facets, in the order the query loop handles them; `tags` is the multi-valued one. */
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

/** A snapshot's list with everything a query needs precomputed (see query.ts). */
export interface QueryIndex {
  readonly images: readonly Image[]
  readonly text: SearchText
  /** 1 where the image has a non-blank FailedReason. */
  readonly failed: Uint8Array
  readonly facets: Readonly<Record<SingleFacet, FacetColumn>>
  readonly tags: FacetColumn
  /** Sort orders, built on first use (query-sort.ts), keyed `field:order`. */
  readonly sorts: Map<string, Int32Array>
  /** Per-query working memory, reused: queries run synchronously, one at a time. */
  readonly scratch: { readonly hits: Uint16Array; readonly selected: Uint8Array }
}

/** Precomputes a list's search text, facet codes and flags; sort orders come lazily. */
export function buildIndex(images: readonly Image[]): QueryIndex {
  const n = images.length
  const failed = new Uint8Array(n)
  for (let i = 0; i < n; i++) failed[i] = textValue(images[i]!.FailedReason) === null ? 0 : 1
  const facets = {} as Record<SingleFacet, FacetColumn>
  for (const name of SINGLE_FACETS) facets[name] = singleColumn(images, FACET_VALUE[name])
  return {
    images,
    text: buildSearchText(images),
    failed,
    facets,
    tags: tagColumn(images),
    sorts: new Map(),
    scratch: { hits: new Uint16Array(n), selected: new Uint8Array(n) },
  }
}

function dictionary(values: Iterable<string>): { values: string[]; codeOf: Map<string, number> } {
  const sorted = [...new Set(values)].sort(collator.compare)
  return { values: sorted, codeOf: new Map(sorted.map((value, k) => [value, k + 1])) }
}

function singleColumn(images: readonly Image[], pick: (image: Image) => string | null) {
  const raw = images.map(pick)
  const { values, codeOf } = dictionary(raw.filter((v): v is string => v !== null))
  const codes = new Int32Array(images.length)
  for (let i = 0; i < raw.length; i++) codes[i] = raw[i] === null ? 0 : codeOf.get(raw[i]!)!
  return { values, codeOf, codes }
}

function tagColumn(images: readonly Image[]): FacetColumn {
  // Each image's tags once: a repeated tag neither counts twice nor satisfies a filter twice.
  const perImage = images.map((image) => [
    ...new Set((Array.isArray(image.Tags) ? image.Tags : []).map(textValue)),
  ])
  const { values, codeOf } = dictionary(
    perImage.flat().filter((v): v is string => v !== null),
  )
  const start = new Int32Array(images.length + 1)
  const codes: number[] = []
  perImage.forEach((tags, i) => {
    for (const tag of tags) if (tag !== null) codes.push(codeOf.get(tag)!)
    start[i + 1] = codes.length
  })
  return { values, codeOf, codes: Int32Array.from(codes), start }
}
