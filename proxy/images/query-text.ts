import type { Image } from '../contract/api'

/**
 * The one folding both sides of a search go through: NFKC (full-width `ＰｙＴｏｒｃｈ` becomes
 * `PyTorch`, `①` becomes `1`), then a locale-independent lower case. Chinese passes unchanged, so a
 * plain substring test works for it.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

// Terms split on whitespace and control characters, so no term holds a line break.
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
 * An image's folded search text: its field values, one per line. A term holds no line break, so
 * it matches exactly when one field value contains it, never across two.
 */
export function searchText(image: Image): string {
  const values = searchFields(image).filter((v): v is string => typeof v === 'string' && v !== '')
  return foldText(values.join('\n'))
}
