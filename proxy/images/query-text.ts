import type { Image } from '../contract/api'

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

/**
 * Builds a SearchText in two steps: `addRows` as each page of a load arrives (finding each row's
 * distinct values and folding the new ones, most of the work), then `build` over the final list
 * (only typed-array passes), so a cold load's last page is not followed by the whole of it.
 */
export interface SearchTextBuilder {
  /**
   * Records rows' values. Pages may come in any order; a row later dropped (a duplicate) is left
   * out of the postings, its values at most staying in the text, matching nothing.
   */
  addRows(images: readonly Image[]): void
  /** The search text of `images`, in list order; rows never added are added now. */
  build(images: readonly Image[]): SearchText
}

export function createSearchTextBuilder(): SearchTextBuilder {
  const idOf = new Map<string, number>()
  const values: string[] = []
  /** Folded values, `\0` after each: `values[0…folded)` so far. */
  const chunks: string[] = []
  /** A folded value holds a lone surrogate, which UTF-8 cannot carry: the text stays a string. */
  let loneSurrogate = false
  let folded = 0
  /** Each added row's value ids at `rowAt.get(row)`: a count, then the ids (each once). */
  const rowAt = new Map<Image, number>()
  let ids = new Int32Array(1024)
  let used = 0

  const room = () => {
    if (used < ids.length) return
    const grown = new Int32Array(ids.length * 2)
    grown.set(ids)
    ids = grown
  }
  const addRow = (image: Image): number => {
    const at = used
    room()
    used++ // the count's slot
    fields: for (const field of searchFields(image)) {
      if (typeof field !== 'string' || field === '') continue
      let v = idOf.get(field)
      if (v === undefined) {
        v = values.length
        values.push(field)
        idOf.set(field, v)
      }
      for (let k = at + 1; k < used; k++) if (ids[k] === v) continue fields
      room()
      ids[used++] = v
    }
    ids[at] = used - at - 1
    rowAt.set(image, at)
    return at
  }
  const foldNew = () => {
    for (; folded < values.length; folded = Math.min(values.length, folded + CHUNK)) {
      const parts: string[] = []
      for (const value of values.slice(folded, folded + CHUNK)) {
        parts.push(CONTROL.test(value) ? value.replace(CONTROLS, '\u0001') : value, '\u0000')
      }
      // Folding a chunk in one call is equivalent to folding each value (a control character
      // never composes under NFKC nor is cased) and much cheaper than many small calls.
      const chunk = foldText(parts.join(''))
      loneSurrogate ||= LONE_SURROGATE.test(chunk)
      chunks.push(chunk)
    }
  }

  return {
    addRows(images) {
      for (const image of images) if (!rowAt.has(image)) addRow(image)
      foldNew()
    },
    build(images) {
      const starts = new Int32Array(images.length)
      for (let i = 0; i < images.length; i++)
        starts[i] = rowAt.get(images[i]!) ?? addRow(images[i]!)
      foldNew()
      // Postings by value: count, then fill in image order (a counting sort of the pairs).
      const docStart = new Int32Array(values.length + 1)
      let pairs = 0
      for (let i = 0; i < images.length; i++) {
        const at = starts[i]!
        for (let k = at + 1; k <= at + ids[at]!; k++) docStart[ids[k]! + 1]!++
        pairs += ids[at]!
      }
      for (let v = 1; v < docStart.length; v++) docStart[v]! += docStart[v - 1]!
      const fill = docStart.slice(0, values.length)
      const docs = new Int32Array(pairs)
      for (let i = 0; i < images.length; i++) {
        const at = starts[i]!
        for (let k = at + 1; k <= at + ids[at]!; k++) docs[fill[ids[k]!]!++] = i
      }
      const haystack = loneSurrogate ? chunks.join('') : utf8(chunks)
      const after = (at: number) =>
        (typeof haystack === 'string' ? haystack.indexOf('\u0000', at) : haystack.indexOf(0, at)) +
        1
      const valueStarts = new Int32Array(values.length + 1)
      for (let v = 0, at = 0; v < values.length; v++) valueStarts[v + 1] = at = after(at)
      return { haystack, valueStarts, docStart, docs }
    },
  }
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
