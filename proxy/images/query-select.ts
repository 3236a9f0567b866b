import {
  SELECTED,
  SINGLE_FACETS,
  TAG_ELIGIBLE,
  type FacetColumn,
  type QueryIndex,
  type SingleFacet,
} from './query-index'
import { matchTerms } from './query-search'
import { countRequiredTags, countTags } from './query-tags'
import { searchTerms } from './query-text'
import type { ListFilter } from './query'

/** Facet counts by code, for the single facets (in SINGLE_FACETS order) and then tags. */
export type FacetCodeCounts = Int32Array[]

/** The values a filter asks for on one facet; none means no filter. */
export function selectedValues(filter: ListFilter, facet: SingleFacet | 'tags'): string[] {
  const wanted = {
    status: filter.status,
    type: filter.type,
    visibility: filter.visibility ? [filter.visibility] : undefined,
    gpu: filter.gpu,
    framework: filter.framework,
    tags: filter.tag,
  }[facet]
  return wanted ?? []
}

/**
 * Marks the images that pass `filter` in `index.scratch.selected` and counts them. With `facets`,
 * also counts each facet's values over the images that pass every filter but that facet's own
 * (design.md §4): an image failing exactly one facet filter still counts toward that facet.
 */
export function selectImages(
  index: QueryIndex,
  filter: ListFilter,
  facets: boolean,
): { total: number; counts: FacetCodeCounts | null } {
  const { selected } = index.scratch
  selected.fill(0)
  const docs = matchTerms(index, searchTerms(filter.q)) ?? index.everyone
  const tagValues = [...new Set(selectedValues(filter, 'tags'))]
  const counts = [...SINGLE_FACETS.map((name) => index.facets[name]), index.tags].map(
    (column) => new Int32Array(facets ? column.values.length + 1 : 0),
  )
  const { total, eligible } = scan({
    docs,
    selected,
    failed: filter.failed === true ? index.failed : null,
    codes: SINGLE_FACETS.map((name) => index.facets[name].codes),
    masks: SINGLE_FACETS.map((name) => passMask(index.facets[name], selectedValues(filter, name))),
    tagHave: countRequiredTags(index, tagValues),
    tagNeed: tagValues.length,
    counts,
    counting: facets,
  })
  if (facets) countTags(index, docs, eligible, counts[SINGLE_FACETS.length]!)
  return { total, counts: facets ? counts : null }
}

interface ScanPlan {
  /** The images to consider (those matching the search text), ascending. */
  docs: Int32Array
  selected: Uint8Array
  failed: Uint8Array | null
  codes: Int32Array[]
  masks: Uint8Array[]
  /** How many of the required tags each image has. */
  tagHave: Uint16Array
  tagNeed: number
  /** Empty arrays when not `counting`. */
  counts: Int32Array[]
  counting: boolean
}

/**
 * The whole cost of a query: one pass over typed arrays, nearly branch-free. The five single
 * facets are unrolled into locals, and the loop has its own small function so V8 optimises it
 * as a whole.
 */
function scan(plan: ScanPlan): { total: number; eligible: number } {
  const { docs, selected, failed, tagHave, tagNeed, counting } = plan
  const [c0, c1, c2, c3, c4] = plan.codes as Five<Int32Array>
  const [m0, m1, m2, m3, m4] = plan.masks as Five<Uint8Array>
  const [k0, k1, k2, k3, k4] = plan.counts as Five<Int32Array>
  let total = 0
  let eligible = 0
  for (let j = 0; j < docs.length; j++) {
    const i = docs[j]!
    if (failed !== null && failed[i] === 0) continue
    const a0 = c0[i]!
    const a1 = c1[i]!
    const a2 = c2[i]!
    const a3 = c3[i]!
    const a4 = c4[i]!
    // 1 where the image passes that facet's filter (a facet without a filter passes everything).
    const p0 = m0[a0]!
    const p1 = m1[a1]!
    const p2 = m2[a2]!
    const p3 = m3[a3]!
    const p4 = m4[a4]!
    const pt = tagNeed === 0 || tagHave[i] === tagNeed ? 1 : 0
    const fails = 6 - (p0 + p1 + p2 + p3 + p4 + pt)
    if (fails > 1) continue
    if (fails === 0) total++
    const tagEligible = fails + pt === 1
    if (tagEligible) eligible++
    selected[i] = (fails === 0 ? SELECTED : 0) | (tagEligible ? TAG_ELIGIBLE : 0)
    if (!counting) continue
    // A facet counts the image when every *other* filter passes: fails + own pass === 1.
    k0[a0]! += fails + p0 === 1 ? 1 : 0
    k1[a1]! += fails + p1 === 1 ? 1 : 0
    k2[a2]! += fails + p2 === 1 ? 1 : 0
    k3[a3]! += fails + p3 === 1 ? 1 : 0
    k4[a4]! += fails + p4 === 1 ? 1 : 0
  }
  return { total, eligible }
}

type Five<T> = [T, T, T, T, T]

/**
 * 1 at the code of each value that passes: every code (none included) when nothing is asked
 * for; otherwise only the asked-for values the list has (others simply match nothing).
 */
function passMask(column: FacetColumn, values: readonly string[]): Uint8Array {
  const mask = new Uint8Array(column.values.length + 1)
  if (values.length === 0) return mask.fill(1)
  for (const value of values) {
    const code = column.codeOf.get(value)
    if (code !== undefined) mask[code] = 1
  }
  return mask
}
