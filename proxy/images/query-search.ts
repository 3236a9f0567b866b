import type { QueryIndex } from './query-index'
import { termFinder, type SearchText } from './query-text'

/** Terms whose matches a snapshot remembers: paging, sorting and facet clicks repeat the same q. */
export const TERM_CACHE_SIZE = 32

/**
 * The images (positions, ascending) whose text contains every term, or null with no terms.
 * Each term's full match list is cached on the index, and a new term is only looked for among
 * the matches of a cached term it contains (typing `pyt` → `pyto` rescans only `pyt`'s images).
 */
export function matchTerms(index: QueryIndex, terms: readonly string[]): Int32Array | null {
  if (terms.length === 0) return null
  const cache = index.termCache
  // Cached terms first: they cost nothing and narrow what the others scan.
  const ordered = [...terms].sort((a, b) => Number(cache.has(b)) - Number(cache.has(a)))
  let docs: Int32Array | null = null
  for (const term of ordered) {
    const cached = cache.get(term)
    if (cached) {
      cache.delete(term)
      cache.set(term, cached)
      docs = docs ? intersect(docs, cached) : cached
    } else if (docs) {
      docs = scanTerm(index, term, docs)
    } else {
      docs = scanTerm(index, term, narrowestCached(cache, term))
      cache.set(term, docs)
      if (cache.size > TERM_CACHE_SIZE) cache.delete(cache.keys().next().value!)
    }
    if (docs.length === 0) break
  }
  return docs
}

/** The smallest cached match list of a term contained in `term`: a superset of its matches. */
function narrowestCached(cache: ReadonlyMap<string, Int32Array>, term: string) {
  let best: Int32Array | undefined
  for (const [key, docs] of cache) {
    if (term.includes(key) && (!best || docs.length < best.length)) best = docs
  }
  return best
}

/** Images containing `term`, ascending: all of them, or only those in `among`. */
function scanTerm(index: QueryIndex, term: string, among?: Int32Array): Int32Array {
  const { hits, docs: out } = index.scratch
  hits.fill(0)
  markMatches(index.text, term, hits)
  let count = 0
  if (among) {
    for (let k = 0; k < among.length; k++) if (hits[among[k]!] === 1) out[count++] = among[k]!
  } else {
    for (let i = 0; i < hits.length; i++) if (hits[i] === 1) out[count++] = i
  }
  return out.slice(0, count)
}

/** Sets `hits[i]` to 1 for every image i with a field value containing `term`. */
function markMatches(text: SearchText, term: string, hits: Uint8Array): void {
  const { valueStarts, docStart, docs } = text
  const find = termFinder(text, term)
  const last = valueStarts.length - 2
  let value = 0
  for (let at = find(0); at !== -1;) {
    value = valueAt(valueStarts, at, value, last)
    for (let k = docStart[value]!; k < docStart[value + 1]!; k++) hits[docs[k]!] = 1
    // One hit per value is enough: go on from the next value.
    at = find(valueStarts[value + 1]!)
  }
}

/** The value whose text holds position `at`, searching forward from `from`. */
function valueAt(starts: Int32Array, at: number, from: number, last: number): number {
  if (at < starts[from + 1]!) return from
  let lo = from + 1
  let hi = last
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (starts[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The images in both ascending lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length))
  let count = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      out[count++] = a[i]!
      i++
      j++
    }
  }
  return out.slice(0, count)
}
