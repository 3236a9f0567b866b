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
 * Tag facet counts over the images marked TAG_ELIGIBLE. Over the whole list, a pass along each
 * tag's posting list is cheapest; over a few search matches, a pass along their own tags.
 */
export function countTags(index: QueryIndex, docs: Int32Array, counts: Int32Array): void {
  const { selected } = index.scratch
  const { start, codes, postingStart, postings } = index.tags
  if (docs.length * 8 < index.images.length) {
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
