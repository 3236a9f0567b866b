import type { Image } from '../contract'

/**
 * The one folding both sides of a search go through: NFKC (full-width `ＰｙＴｏｒｃｈ` becomes
 * `PyTorch`, `①` becomes `1`), then a locale-independent lower case. Chinese passes unchanged, so a
 * plain substring test works for it.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Free-text terms of `q`: folded, split on whitespace, duplicates dropped. All must match. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return []
  const terms = foldText(q)
    .split(/[\s\u0000-\u001f]+/)
    .filter((term) => term !== '')
  // Longest first: the rarest term usually, so later scans touch fewer hits.
  return [...new Set(terms)].sort((a, b) => b.length - a.length)
}

/** The fields `q` searches (design.md §4, plus version, group, framework and GPU). */
export function searchFields(image: Image): (string | null | undefined)[] {
  return [
    image.Name,
    image.CompShareImageId,
    image.Description,
    image.Author,
    image.FailedReason,
    image.VersionName,
    image.GroupId,
    image.Softwares?.Framework,
    image.SourceGpuType,
    ...(Array.isArray(image.Tags) ? image.Tags : []),
  ]
}

/**
 * Every image's folded search text in one string, documents separated by NUL and fields by SOH
 * (terms never contain control characters, so no match spans two fields or two images).
 * One `indexOf` scan over it is far cheaper than an `includes` per image.
 */
export interface SearchText {
  readonly haystack: string
  /** `starts[i]` is where image i's text begins; `starts[n]` is past the end. */
  readonly starts: Int32Array
}

export function buildSearchText(images: readonly Image[]): SearchText {
  const starts = new Int32Array(images.length + 1)
  const docs: string[] = new Array<string>(images.length)
  let at = 0
  for (let i = 0; i < images.length; i++) {
    const fields = searchFields(images[i]!).filter((f): f is string => typeof f === 'string')
    // Folding the joined text once is equivalent: a control character never composes under NFKC.
    const doc = foldText(fields.join('\u0001')).replace(/[\u0000-\u001f]/g, '\u0001')
    docs[i] = doc
    starts[i] = at
    at += doc.length + 1
  }
  starts[images.length] = at
  return { haystack: docs.join('\u0000'), starts }
}

/**
 * Marks the images containing `term`: `hits[i]` goes from `round` to `round + 1`, so after the
 * k-th term only images that matched all k terms hold k.
 */
export function markTerm(text: SearchText, term: string, round: number, hits: Uint16Array): void {
  const { haystack, starts } = text
  const last = starts.length - 2
  let doc = 0
  for (let at = haystack.indexOf(term); at !== -1; ) {
    doc = docAt(starts, at, doc, last)
    if (hits[doc] === round) hits[doc] = round + 1
    // One hit per image is enough: continue from the next image.
    at = haystack.indexOf(term, starts[doc + 1]!)
  }
}

/** The image whose text holds position `at`, searching forward from `from`. */
function docAt(starts: Int32Array, at: number, from: number, last: number): number {
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
