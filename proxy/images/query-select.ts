import { SINGLE_FACETS, type FacetColumn, type QueryIndex, type SingleFacet } from './query-index'
import { markTerm, searchTerms } from './query-text'
import type { ListFilter } from './query'

/** Facet counts by code, for the single facets (in SINGLE_FACETS order) and then tags. */
export type FacetCodeCounts = Int32Array[]

const TAGS = SINGLE_FACETS.length

/** The values a filter asks for on one facet; undefined or empty means no filter. */
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
  const n = index.images.length
  const { hits, selected } = index.scratch
  const terms = searchTerms(filter.q)
  if (terms.length > 0) {
    hits.fill(0)
    terms.forEach((term, round) => markTerm(index.text, term, round, hits))
  }
  const termCount = terms.length
  const onlyFailed = filter.failed === true
  const { failed } = index

  const columns = SINGLE_FACETS.map((name) => index.facets[name].codes)
  const activeDims: number[] = []
  const activeMasks: Uint8Array[] = []
  SINGLE_FACETS.forEach((name, d) => {
    const values = selectedValues(filter, name)
    if (values.length === 0) return
    activeDims.push(d)
    activeMasks.push(wantedMask(index.facets[name], values))
  })
  const activeCodes = activeDims.map((d) => columns[d]!)
  const tagValues = [...new Set(selectedValues(filter, 'tags'))]
  const tagNeed = tagValues.length
  const tagRequired = wantedMask(index.tags, tagValues)
  const tagStart = index.tags.start!
  const tagCodes = index.tags.codes
  const counts = facets
    ? [...SINGLE_FACETS.map((name) => index.facets[name]), index.tags].map(
        (column) => new Int32Array(column.values.length + 1),
      )
    : null
  const tagCounts = counts?.[TAGS]

  let total = 0
  for (let i = 0; i < n; i++) {
    if ((termCount > 0 && hits[i] !== termCount) || (onlyFailed && failed[i] === 0)) {
      selected[i] = 0
      continue
    }
    let fails = 0
    let failDim = -1
    for (let a = 0; a < activeDims.length && fails < 2; a++) {
      if (activeMasks[a]![activeCodes[a]![i]!] === 0) {
        fails++
        failDim = activeDims[a]!
      }
    }
    if (tagNeed > 0 && fails < 2) {
      let have = 0
      for (let k = tagStart[i]!; k < tagStart[i + 1]!; k++) have += tagRequired[tagCodes[k]!]!
      if (have < tagNeed) {
        fails++
        failDim = TAGS
      }
    }
    selected[i] = fails === 0 ? 1 : 0
    if (fails === 0) total++
    if (counts === null || fails > 1) continue
    if (fails === 0 || failDim === TAGS) {
      for (let k = tagStart[i]!; k < tagStart[i + 1]!; k++) tagCounts![tagCodes[k]!]!++
    }
    if (fails === 0) for (let d = 0; d < TAGS; d++) counts[d]![columns[d]![i]!]!++
    else if (failDim !== TAGS) counts[failDim]![columns[failDim]![i]!]!++
  }
  return { total, counts }
}

/** 1 at the code of each wanted value; values the list never has simply match nothing. */
function wantedMask(column: FacetColumn, values: readonly string[]): Uint8Array {
  const mask = new Uint8Array(column.values.length + 1)
  for (const value of values) {
    const code = column.codeOf.get(value)
    if (code !== undefined) mask[code] = 1
  }
  return mask
}
