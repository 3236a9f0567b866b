import type { Image } from '../contract/api'

/**
 * Readies a load's rows for a snapshot, one at a time as its pages arrive (query-index.ts), with
 * what it has seen kept across calls: Readme dropped (list answers never carry it, design.md §4)
 * and equal values shared. Kept for issue 9's RSS guard at 100,000 images: names, descriptions,
 * tags and the like repeat across an image family and the account, and each decoded row held its
 * own copy (116 MB of rows at 100,000 sandbox images, 54 MB shared). Equal strings become one
 * string, and equal Tags lists, Softwares and Owner records one frozen instance; nothing
 * observable changes, and nothing mutates a snapshot's rows. Re-measured on a quiet machine (the
 * bench's proxy, two runs each): without it the peak RSS was 491-497 MB at 100,000 images (guard
 * 400) and 152-155 MB at 10,000 (guard 150).
 */
export function rowPreparer(): (row: Image) => Image {
  const strings = new Map<string, string>()
  const records = new Map<string, unknown>()
  const intern = (value: string): string => {
    const known = strings.get(value)
    if (known !== undefined) return known
    strings.set(value, value)
    return value
  }
  const internFields = (record: Record<string, unknown>, skip?: string) => {
    for (const key of Object.keys(record)) {
      const value = record[key]
      if (key === skip) continue
      if (typeof value === 'string') record[key] = intern(value)
      else if (isStringList(value)) value.forEach((item, i) => (value[i] = intern(item)))
    }
  }
  /** One instance per distinct value: only plain records and lists of strings (or null) qualify. */
  const share = <T>(value: T): T => {
    if (!isSimple(value)) return value
    const key = JSON.stringify(value)
    const known = records.get(key)
    if (known !== undefined) return known as T
    if (!Array.isArray(value)) internFields(value as Record<string, unknown>)
    deepFreeze(value)
    records.set(key, value)
    return value
  }
  return (row) => {
    const image = withoutReadme(row)
    internFields(image, 'CompShareImageId')
    if (image.Tags) image.Tags = share(image.Tags)
    if (image.Softwares) image.Softwares = share(image.Softwares)
    if (image.Owner) image.Owner = share(image.Owner)
    return image
  }
}

/** A whole list readied at once (rowPreparer over every row). */
export function prepareRows(images: readonly Image[]): Image[] {
  return images.map(rowPreparer())
}

function withoutReadme(image: Image): Image {
  if (!('Readme' in image)) return image
  const { Readme: _readme, ...rest } = image
  return rest as Image
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/** A list of strings, or a plain record of strings, nulls and lists of strings (what the decoder makes of Tags, Softwares and Owner): equal exactly when their JSON is. */
function isSimple(value: unknown): boolean {
  if (isStringList(value)) return !Object.isFrozen(value)
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return false
  if (Object.getPrototypeOf(value) !== Object.prototype) return false
  return Object.values(value).every((v) => typeof v === 'string' || v === null || isStringList(v))
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}
