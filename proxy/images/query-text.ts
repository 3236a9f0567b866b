import type { Image } from '../contract'

/**
 * The one folding both sides of a search go through: NFKC (full-width `ＰｙＴｏｒｃｈ` becomes
 * `PyTorch`, `①` becomes `1`), then a locale-independent lower case. Chinese passes unchanged, so a
 * plain substring test works for it.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

// Control characters separate images and fields in the search text, so no term may hold one.
// eslint-disable-next-line no-control-regex
const TERM_SEPARATORS = /[\s\u0000-\u001f]+/
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f]/
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f]/g

/** Free-text terms of `q`: folded, split on whitespace, duplicates dropped. All must match. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return []
  const terms = foldText(q)
    .split(TERM_SEPARATORS)
    .filter((term) => term !== '')
  // Longest first: usually the rarest, so it gets the one full scan and the rest look only
  // among its matches (query-search.ts).
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
  const parts: string[] = []
  for (const image of images) {
    for (const field of searchFields(image)) {
      if (typeof field !== 'string' || field === '') continue
      parts.push(CONTROL.test(field) ? field.replace(CONTROLS, '\u0001') : field, '\u0001')
    }
    parts.push('\u0000')
  }
  // Folding everything in one call is equivalent to folding each field (a control character
  // never composes under NFKC nor is cased) and much cheaper than 100,000 small calls.
  const haystack = foldText(parts.join(''))
  const starts = new Int32Array(images.length + 1)
  let at = 0
  for (let i = 0; i < images.length; i++) {
    starts[i] = at
    at = haystack.indexOf('\u0000', at) + 1
  }
  starts[images.length] = at
  return { haystack, starts }
}
