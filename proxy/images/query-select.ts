import type { FacetCounts, FacetName } from '../contract/api'
import { FILTERS, type FilterSpec, type FilterValues } from '../contract/filters'
import { columnOf, termMatches, VALUE_SPECS, type QueryIndex, type ValueSpec } from './query-index'
import { searchTerms } from './query-text'

type FacetSpec = ValueSpec & { facet: FacetName }
const FACET_SPECS = VALUE_SPECS.filter((spec): spec is FacetSpec => spec.facet !== undefined)
/** The `failed` filter's own test: failedTotal counts what `failed=1` would keep. */
const isFailed = FILTERS.find((spec) => spec.name === 'failed')!.test

/** One filter the query turns on: its row in FILTERS and whether image i passes it. */
interface ActiveFilter {
  spec: FilterSpec
  passes: (i: number) => boolean
}

export interface Selection {
  /** 1 where image i passes every filter, by list position. */
  selected: Uint8Array
  total: number
  /** Of `total`, the images that failed: what the same query with `failed=1` would total. */
  failed: number
  /** Only when asked for (see selectImages). */
  facets: Record<FacetName, FacetCounts> | null
}

/**
 * Marks the images that pass every filter in `values`. With `withFacets`, also counts each
 * facet's values over the images that pass every filter but that facet's own (design.md §4: an
 * image failing exactly that one filter still counts, so a checkbox shows what it would add); the
 * selected values are listed even at 0.
 */
export function selectImages(
  index: QueryIndex,
  values: FilterValues,
  withFacets: boolean,
): Selection {
  // A filter without a facet (search text, flags, reason) takes an image out of every count, so
  // only the faceted filters need the "all but one" bookkeeping.
  const narrowing: ActiveFilter[] = []
  const faceted: ActiveFilter[] = []
  for (const spec of FILTERS as readonly FilterSpec[]) {
    const passes = filterTest(index, spec, valueOf(values, spec))
    if (passes) ('facet' in spec && spec.facet ? faceted : narrowing).push({ spec, passes })
  }
  const facets = FACET_SPECS.map((spec) => {
    const column = columnOf(index, spec)
    return { spec, column, counts: new Array<number>(column.values.length).fill(0) }
  })
  const selected = new Uint8Array(index.rows.length)
  let total = 0
  let failedTotal = 0
  // Indexed loops, not for-of or every(): a cold list's first answer runs this before the JIT has
  // optimised it. That query went from ~20 to ~11 ms, median of 10 cold lists, timed by a probe
  // (not kept) that added timestamps inside `npm run bench`'s cold list; issue 9's cold list guard.
  for (let i = 0; i < index.rows.length; i++) {
    if (!passesAll(narrowing, i)) continue
    let failures = 0
    let failed: FilterSpec | undefined
    for (let f = 0; f < faceted.length && failures < 2; f++) {
      if (faceted[f]!.passes(i)) continue
      failed = faceted[f]!.spec
      failures++
    }
    if (failures === 0) {
      selected[i] = 1
      total++
      if (isFailed(index.rows[i]!)) failedTotal++
    }
    if (!withFacets || failures > 1) continue
    for (let f = 0; f < facets.length; f++) {
      const { spec, column, counts } = facets[f]!
      if (failures === 1 && failed !== spec) continue
      const codes = column.codes[i]!
      for (let c = 0; c < codes.length; c++) counts[codes[c]!]!++
    }
  }
  if (!withFacets) return { selected, total, failed: failedTotal, facets: null }
  const records = {} as Record<FacetName, FacetCounts>
  for (const { spec, column, counts } of facets) {
    // No prototype: a tag called `__proto__` must stay a plain key.
    const record = Object.create(null) as FacetCounts
    counts.forEach((n, code) => {
      if (n > 0) record[column.values[code]!] = n
    })
    for (const value of wantedValues(spec, valueOf(values, spec))) record[value] ??= 0
    records[spec.facet] = record
  }
  return { selected, total, failed: failedTotal, facets: records }
}

function passesAll(filters: readonly ActiveFilter[], i: number): boolean {
  for (let f = 0; f < filters.length; f++) if (!filters[f]!.passes(i)) return false
  return true
}

/** A filter's value in the query. */
function valueOf(values: FilterValues, spec: FilterSpec): unknown {
  return (values as Record<string, unknown>)[spec.name]
}

/**
 * A filter as a test of image i, by its kind (contract/filters.ts), or null when the query leaves
 * it off: no text, an empty list, no value, a flag not set.
 */
function filterTest(index: QueryIndex, spec: FilterSpec, value: unknown) {
  switch (spec.kind) {
    case 'text': {
      const terms = searchTerms(typeof value === 'string' ? value : undefined)
      if (terms.length === 0) return null
      const matches = terms.map((term) => termMatches(index, term))
      return (i: number) => matches.every((holds) => holds[i] === 1)
    }
    case 'list':
    case 'one': {
      const wanted = wantedValues(spec, value)
      if (wanted.length === 0) return null
      const { codeOf, codes } = columnOf(index, spec)
      // A value no image has matches nothing (and an `all` list that asks for it, no image).
      const known = wanted.flatMap((v) => codeOf.get(v) ?? [])
      if (spec.kind === 'list' && spec.match === 'all') {
        if (known.length < wanted.length) return () => false
        return (i: number) => known.every((code) => codes[i]!.includes(code))
      }
      return (i: number) => codes[i]!.some((code) => known.includes(code))
    }
    case 'flag':
      return value === true ? (i: number) => spec.test(index.rows[i]!) : null
  }
}

/** The values a list or single filter asks for, as a list (none when it is off). */
function wantedValues(spec: FilterSpec, value: unknown): readonly string[] {
  if (spec.kind === 'list' && Array.isArray(value)) return value as string[]
  return spec.kind === 'one' && typeof value === 'string' && value !== '' ? [value] : []
}
