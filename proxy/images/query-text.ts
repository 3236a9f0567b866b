import type { Image } from '../contract/api'

/**
 * The one folding both sides of a search go through: NFKC (full-width `ＰｙＴｏｒｃｈ` becomes
 * `PyTorch`, `①` becomes `1`), then a locale-independent lower case. Chinese passes unchanged, so a
 * plain substring test works for it.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

// Terms split on whitespace and control characters.
// eslint-disable-next-line no-control-regex -- control characters separate terms
const TERM_SEPARATORS = /[\s\u0000-\u001f]+/

/** Free-text terms of `q`: folded, split on whitespace, duplicates dropped. All must match. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return []
  return [...new Set(foldText(q).split(TERM_SEPARATORS))].filter((term) => term !== '')
}

/** The fields `q` searches (design.md §4, plus version, group, framework and GPU). */
export function searchFields(image: Image): unknown[] {
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
 * The search text of a list: each distinct field value once, folded, and each image's values as
 * positions in that list. Versions of a family and images of one account repeat names,
 * descriptions, tags and reasons, so this is a fraction of every image's own text (at 100,000
 * images ~15 MB against ~46 MB), and a term is looked for in each distinct value only once.
 */
export interface SearchText {
  readonly values: readonly string[]
  readonly ofImage: readonly (readonly number[])[]
}

export function searchText(images: readonly Image[]): SearchText {
  const values: string[] = []
  const idOf = new Map<string, number>()
  const ofImage = images.map((image) => {
    const ids = new Set<number>()
    for (const field of searchFields(image)) {
      if (typeof field !== 'string' || field === '') continue
      let id = idOf.get(field)
      if (id === undefined) idOf.set(field, (id = values.push(foldText(field)) - 1))
      ids.add(id)
    }
    return [...ids]
  })
  return { values, ofImage }
}
