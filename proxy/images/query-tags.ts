import { TAG_ELIGIBLE, type QueryIndex } from './query-index'

/** Per image, how many of the wanted tags it has, from the tags' posting lists. */
export function countRequiredTags(index: QueryIndex, values: readonly string[]): Uint16Array {
  const have = index.scratch.tagHave
  if (values.length === 0) return have
  have.fill(0)
  const { codeOf, postingStart, postings } = index.tags
  const codes = values.map((value) => codeOf.get(value))
  // A tag no image has: nobody can have them all, and `have` stays 0.
  if (codes.includes(undefined)) return have
  for (const code of codes as number[]) {
    for (let k = postingStart[code]!; k < postingStart[code + 1]!; k++) have[postings[k]!]!++
  }
  return have
}

/**
 * Tag facet counts over the `eligible` images marked TAG_ELIGIBLE. Either a pass along the
 * candidates' own tags (one step per candidate, about two per tag of an eligible one: the counts
 * array is written at random) or a pass along every tag's posting list (one step per posting, reads
 * at random): whichever is shorter. After a search or a selective filter that is nearly always the
 * first; over the whole, barely filtered list the second.
 */
export function countTags(
  index: QueryIndex,
  docs: Int32Array,
  eligible: number,
  counts: Int32Array,
): void {
  const { selected } = index.scratch
  const { start, codes, postingStart, postings } = index.tags
  const tagsPerImage = codes.length / Math.max(1, index.images.length)
  if (docs.length + 2 * eligible * tagsPerImage < postings.length) {
    for (let j = 0; j < docs.length; j++) {
      const i = docs[j]!
      if ((selected[i]! & TAG_ELIGIBLE) === 0) continue
      for (let k = start[i]!; k < start[i + 1]!; k++) counts[codes[k]!]!++
    }
    return
  }
  for (let code = 1; code < counts.length; code++) {
    let count = 0
    for (let k = postingStart[code]!; k < postingStart[code + 1]!; k++) {
      count += (selected[postings[k]!]! & TAG_ELIGIBLE) === 0 ? 0 : 1
    }
    counts[code] = count
  }
}
