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
 * The folded search text, each distinct field value once: a term never spans two fields (terms
 * hold no control characters, and fields are kept apart by them), so an image matches exactly
 * when one of its field values does. Names, descriptions, tags and the like repeat across an
 * image family and the account, so the distinct values are a fraction of the whole text.
 *
 * The values are in one UTF-8 buffer (off the V8 heap), each followed by NUL; a control character
 * inside a value becomes SOH. UTF-8 is self-synchronising, so a term's bytes occur in the buffer
 * exactly where the term occurs in the text. Text holding a lone surrogate (which UTF-8 cannot
 * carry) stays a string. One `indexOf` scan over it is far cheaper than an `includes` per image.
 */
export interface SearchText {
  readonly haystack: Buffer | string
  /** `valueStarts[v]` is where value v begins (a byte offset in a buffer); `[values]` is past the end. */
  readonly valueStarts: Int32Array
  /** The images holding value v are `docs[docStart[v]]…docs[docStart[v + 1] - 1]`, ascending. */
  readonly docStart: Int32Array
  readonly docs: Int32Array
}

/** Values folded per call: large enough to keep the calls few, small enough to keep garbage small. */
const CHUNK = 2000
// A high surrogate not followed by a low one, or a low one without a high one before it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function buildSearchText(images: readonly Image[]): SearchText {
  const idOf = new Map<string, number>()
  const values: string[] = []
  // (value, image) pairs in image order, each pair once.
  const pairValues: number[] = []
  const pairDocs: number[] = []
  const lastDoc: number[] = []
  for (let i = 0; i < images.length; i++) {
    for (const field of searchFields(images[i]!)) {
      if (typeof field !== 'string' || field === '') continue
      let v = idOf.get(field)
      if (v === undefined) {
        v = values.length
        values.push(field)
        idOf.set(field, v)
        lastDoc.push(-1)
      }
      if (lastDoc[v] === i) continue
      lastDoc[v] = i
      pairValues.push(v)
      pairDocs.push(i)
    }
  }
  // Postings by value (a counting sort of the pairs; image order is kept within a value).
  const docStart = new Int32Array(values.length + 1)
  for (const v of pairValues) docStart[v + 1]!++
  for (let v = 1; v < docStart.length; v++) docStart[v]! += docStart[v - 1]!
  const fill = docStart.slice(0, values.length)
  const docs = new Int32Array(pairDocs.length)
  for (let k = 0; k < pairDocs.length; k++) docs[fill[pairValues[k]!]!++] = pairDocs[k]!

  const chunks: string[] = []
  for (let from = 0; from < values.length; from += CHUNK) {
    const parts: string[] = []
    for (const value of values.slice(from, from + CHUNK)) {
      parts.push(CONTROL.test(value) ? value.replace(CONTROLS, '\u0001') : value, '\u0000')
    }
    // Folding a chunk in one call is equivalent to folding each value (a control character never
    // composes under NFKC nor is cased) and much cheaper than 100,000 small calls.
    chunks.push(foldText(parts.join('')))
  }
  const haystack = chunks.some((chunk) => LONE_SURROGATE.test(chunk))
    ? chunks.join('')
    : utf8(chunks)
  const valueStarts = new Int32Array(values.length + 1)
  let at = 0
  for (let v = 0; v < values.length; v++) {
    valueStarts[v] = at
    at = haystack.indexOf('\u0000', at) + 1
  }
  valueStarts[values.length] = at
  return { haystack, valueStarts, docStart, docs }
}

/** The chunks' UTF-8 in one buffer, written in place: no temporary buffer per chunk. */
function utf8(chunks: readonly string[]): Buffer {
  const out = Buffer.allocUnsafeSlow(chunks.reduce((sum, c) => sum + Buffer.byteLength(c), 0))
  let at = 0
  for (const chunk of chunks) at += out.write(chunk, at, 'utf8')
  return out
}

/** `from` → the first position at or after it where `term` occurs in the text, or -1. */
export function termFinder({ haystack }: SearchText, term: string): (from: number) => number {
  if (typeof haystack === 'string') return (from) => haystack.indexOf(term, from)
  // The buffer holds no lone surrogate, so a term with one occurs nowhere.
  if (LONE_SURROGATE.test(term)) return () => -1
  const needle = Buffer.from(term, 'utf8')
  return (from) => haystack.indexOf(needle, from)
}
