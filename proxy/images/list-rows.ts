import type { Image } from '../contract/api'
import { createSearchTextBuilder, type SearchTextBuilder } from './query-text'

/**
 * Readies a load's rows for a snapshot page by page, as each page arrives, so the work runs while
 * later pages are still in flight instead of after the last one (the cold list waits on it).
 */
export interface RowPreparer {
  /**
   * Drops Readme and shares equal values with every row prepared before it in this load. Returns
   * the page's rows in order (a row that carried Readme is replaced by a copy without it).
   */
  page(images: readonly Image[]): Image[]
  /** The whole list, any row that did not pass through `page` prepared now. */
  finish(images: readonly Image[]): Image[]
  /** The search values of the rows prepared so far, for the snapshot's index. */
  readonly searchText: SearchTextBuilder
}

/**
 * One preparer per load. Sharing equal values is what keeps a large snapshot small (design issue on
 * proxy RSS): names, descriptions, tags, statuses and the like repeat across the versions of an
 * image family and across the account, and each decoded row held its own copy. Equal strings
 * become one string, and equal `Tags` lists, `Softwares` and `Owner` records (most rows share one
 * of a few dozen) become one frozen instance. Done in place with equal values, so nothing
 * observable changes; nothing mutates a snapshot's rows (a frozen shared record would throw if
 * anything tried). Ids are unique and are left as they are.
 */
export function createRowPreparer(): RowPreparer {
  const strings = new Map<string, string>()
  const records = new Map<string, unknown>()
  const prepared = new WeakSet<Image>()

  const intern = (value: string): string => {
    const known = strings.get(value)
    if (known !== undefined) return known
    strings.set(value, value)
    return value
  }
  const internFields = (record: Record<string, unknown>, skip?: string) => {
    for (const key of Object.keys(record)) {
      if (key === skip) continue
      const value = record[key]
      if (typeof value === 'string') record[key] = intern(value)
      else if (isStringList(value))
        for (let i = 0; i < value.length; i++) value[i] = intern(value[i]!)
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
  const prepare = (row: Image): Image => {
    if (prepared.has(row)) return row
    const image = withoutReadme(row)
    internFields(image, 'CompShareImageId')
    if (image.Tags) image.Tags = share(image.Tags)
    if (image.Softwares) image.Softwares = share(image.Softwares)
    if (image.Owner) image.Owner = share(image.Owner)
    prepared.add(image)
    return image
  }
  const searchText = createSearchTextBuilder()
  return {
    page(images) {
      const rows = images.map(prepare)
      searchText.addRows(rows)
      return rows
    },
    finish: (images) => images.map(prepare),
    searchText,
  }
}

/** List answers never carry Readme (design.md §4); drop it if one slipped in. */
function withoutReadme(image: Image): Image {
  if (!('Readme' in image)) return image
  const { Readme: _readme, ...rest } = image
  return rest as Image
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/**
 * A list of strings, or a plain record of strings, nulls and lists of strings: what the decoder
 * makes of Tags, Softwares and Owner. Such values are equal exactly when their JSON is.
 */
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
