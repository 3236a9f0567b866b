import type { Image, Owner, Progress, Softwares, Zone } from '../contract/api'

/**
 * Tolerant decoding of API responses (design.md §2): the doc's own example sends strings for ints
 * and real data may drift, so numeric strings become numbers, anything unusable becomes null with
 * its raw value kept in `malformed`, and nothing ever throws or drops a row.
 */

const BAD = Symbol('malformed')
type Coerced<T> = T | null | typeof BAD

// design.md §2: field types per the official SDKs.
const STRING_FIELDS = [
  'CompShareImageId',
  'Name',
  'Author',
  'ImageOwnerAlias',
  'ImageType',
  'Status',
  'Description',
  'Cover',
  'FailedReason',
  'GroupId',
  'VersionName',
  'VersionDesc',
  'SourceGpuType',
] as const
const INT_FIELDS = [
  'AuthInfo',
  'Size',
  'Visibility',
  'CreatedCount',
  'FavoritesCount',
  'CreateTime',
  'PubTime',
  'ImageUseTime',
] as const
const FLOAT_FIELDS = ['Price'] as const
const BOOL_FIELDS = ['IsOfficial', 'AutoStart', 'ImageCharge'] as const
const OTHER_FIELDS = ['Container', 'Tags', 'Softwares', 'Owner', 'Readme', 'malformed'] as const

const KNOWN = new Set<string>([
  ...STRING_FIELDS,
  ...INT_FIELDS,
  ...FLOAT_FIELDS,
  ...BOOL_FIELDS,
  ...OTHER_FIELDS,
])
/** Keys that could reach a prototype if copied with plain assignment. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An own property only: never an inherited one such as `constructor`. */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

function toFloat(value: unknown): Coerced<number> {
  if (value === undefined || value === null) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : BAD
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim())
  return BAD
}

function toInt(value: unknown): Coerced<number> {
  const n = toFloat(value)
  if (n === null || n === BAD) return n
  return Number.isSafeInteger(n) ? n : BAD
}

function toBool(value: unknown): Coerced<boolean> {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return value
  if (value === 0 || value === 1) return value === 1
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase()
    if (word === 'true' || word === '1') return true
    if (word === 'false' || word === '0') return false
  }
  return BAD
}

/** A number becomes its string form (an id sent as a number); booleans and objects are unusable. */
function toStr(value: unknown): Coerced<string> {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return BAD
}

/** The API's Container is the string "True"/"False"; a boolean (or 0/1) is normalised to it. */
function toContainer(value: unknown): Coerced<string> {
  if (typeof value === 'string' && !/^\s*(true|false|0|1)\s*$/i.test(value)) return value
  const flag = toBool(value)
  if (flag === null || flag === BAD) return flag
  return flag ? 'True' : 'False'
}

/** Accumulates raw values of unusable fields by path. */
class Malformed {
  readonly entries: Record<string, unknown> = {}
  has = false
  add(path: string, raw: unknown): void {
    Object.defineProperty(this.entries, path, {
      value: raw,
      enumerable: true,
      writable: true,
      configurable: true,
    })
    this.has = true
  }
  take<T>(path: string, raw: unknown, coerced: Coerced<T>): T | null {
    if (coerced !== BAD) return coerced
    this.add(path, raw)
    return null
  }
}

/** string[] from an array (numbers stringified, other items dropped) or a comma-separated string. */
function toStringList(raw: unknown, path: string, bad: Malformed): string[] | null {
  if (raw === undefined || raw === null) return null
  if (typeof raw === 'string') {
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
  }
  if (!Array.isArray(raw)) {
    bad.add(path, raw)
    return null
  }
  const out: string[] = []
  raw.forEach((item: unknown, i) => {
    const s = toStr(item)
    if (s === null || s === BAD) bad.add(`${path}.${i}`, item)
    else out.push(s)
  })
  return out
}

function toSoftwares(raw: unknown, bad: Malformed): Softwares | null {
  if (raw === undefined || raw === null) return null
  if (!isRecord(raw)) {
    bad.add('Softwares', raw)
    return null
  }
  return {
    Framework: field(raw, bad, 'Framework', toStr, 'Softwares.Framework'),
    FrameworkVersion: field(raw, bad, 'FrameworkVersion', toStr, 'Softwares.FrameworkVersion'),
    CUDAVersion: field(raw, bad, 'CUDAVersion', toStr, 'Softwares.CUDAVersion'),
    Applications: toStringList(own(raw, 'Applications'), 'Softwares.Applications', bad),
  }
}

function toOwner(raw: unknown, bad: Malformed): Owner | null {
  if (raw === undefined || raw === null) return null
  if (!isRecord(raw)) {
    bad.add('Owner', raw)
    return null
  }
  return {
    AccountId: field(raw, bad, 'AccountId', toStr, 'Owner.AccountId'),
    AccountName: field(raw, bad, 'AccountName', toStr, 'Owner.AccountName'),
  }
}

/** `coerce(own(record, key))`, with an unusable value kept in `bad` under `path` (default: key). */
function field<T>(
  record: Record<string, unknown>,
  bad: Malformed,
  key: string,
  coerce: (value: unknown) => Coerced<T>,
  path = key,
): T | null {
  const raw = own(record, key)
  return bad.take(path, raw, coerce(raw))
}

/**
 * Decodes one CompShareImage. Never throws: a non-object record gives an Image whose known fields
 * are all null, with `malformed['']` holding the raw value. Unknown fields pass through unchanged.
 * No closure per image: a cold list decodes 10,000 of them (docs/benchmarks.md).
 */
export function decodeImage(raw: unknown): Image {
  const bad = new Malformed()
  const r = isRecord(raw) ? raw : {}
  if (!isRecord(raw)) bad.add('', raw)
  // One object literal with every known field, in the order of STRING_FIELDS, INT_FIELDS,
  // FLOAT_FIELDS, BOOL_FIELDS, then the others: all images share one hidden class with in-object
  // fields. Filling `{}` key by key in a loop turned each into a dictionary-mode object, ~3× the
  // memory (100,000 images cached: design issue on proxy RSS). Evaluation order is the field order,
  // so `malformed` lists paths in the same order as before.
  const image: Record<string, unknown> = {
    CompShareImageId: field(r, bad, 'CompShareImageId', toStr),
    Name: field(r, bad, 'Name', toStr),
    Author: field(r, bad, 'Author', toStr),
    ImageOwnerAlias: field(r, bad, 'ImageOwnerAlias', toStr),
    ImageType: field(r, bad, 'ImageType', toStr),
    Status: field(r, bad, 'Status', toStr),
    Description: field(r, bad, 'Description', toStr),
    Cover: field(r, bad, 'Cover', toStr),
    FailedReason: field(r, bad, 'FailedReason', toStr),
    GroupId: field(r, bad, 'GroupId', toStr),
    VersionName: field(r, bad, 'VersionName', toStr),
    VersionDesc: field(r, bad, 'VersionDesc', toStr),
    SourceGpuType: field(r, bad, 'SourceGpuType', toStr),
    AuthInfo: field(r, bad, 'AuthInfo', toInt),
    Size: field(r, bad, 'Size', toInt),
    Visibility: field(r, bad, 'Visibility', toInt),
    CreatedCount: field(r, bad, 'CreatedCount', toInt),
    FavoritesCount: field(r, bad, 'FavoritesCount', toInt),
    CreateTime: field(r, bad, 'CreateTime', toInt),
    PubTime: field(r, bad, 'PubTime', toInt),
    ImageUseTime: field(r, bad, 'ImageUseTime', toInt),
    Price: field(r, bad, 'Price', toFloat),
    IsOfficial: field(r, bad, 'IsOfficial', toBool),
    AutoStart: field(r, bad, 'AutoStart', toBool),
    ImageCharge: field(r, bad, 'ImageCharge', toBool),
    Container: field(r, bad, 'Container', toContainer),
    Tags: toStringList(own(r, 'Tags'), 'Tags', bad),
    Softwares: toSoftwares(own(r, 'Softwares'), bad),
    Owner: toOwner(own(r, 'Owner'), bad),
  }
  // design.md §2: Readme comes back only for a single-image query; keep its absence visible.
  if (Object.hasOwn(r, 'Readme')) image.Readme = field(r, bad, 'Readme', toStr)

  for (const key of Object.keys(r)) {
    if (KNOWN.has(key) || UNSAFE_KEYS.has(key)) continue
    image[key] = r[key]
  }
  // A raw `malformed` field would collide with our bookkeeping: keep it, but in there.
  if (Object.hasOwn(r, 'malformed')) bad.add('malformed', r.malformed)
  if (bad.has) image.malformed = bad.entries
  return image as Image
}

/** DescribeCompShareCustomImages: `ImageSet` (anything but an array counts as empty) and `TotalCount`. */
export function decodeImageSet(body: Record<string, unknown>): {
  images: Image[]
  totalCount: number | null
} {
  const set = own(body, 'ImageSet')
  const total = toInt(own(body, 'TotalCount'))
  return {
    images: Array.isArray(set) ? set.map((raw: unknown) => decodeImage(raw)) : [],
    totalCount: total === BAD ? null : total,
  }
}

/**
 * GetCompShareImageCreateProgress: `Process` (Double, 0–100), `TotalDuration` and
 * `RemainingDuration` (String, seconds), per the official Java SDK's response class.
 * Null when none of the three is usable.
 */
export function decodeProgress(body: Record<string, unknown>): Progress | null {
  const num = (key: string) => {
    const n = toFloat(own(body, key))
    return n === BAD ? null : n
  }
  const process = num('Process')
  const progress: Progress = {
    percent: process === null ? null : Math.min(100, Math.max(0, process)),
    total: num('TotalDuration'),
    remaining: num('RemainingDuration'),
  }
  const usable = progress.percent !== null || progress.total !== null || progress.remaining !== null
  return usable ? progress : null
}

/**
 * DescribeCompShareSupportZone: `ZoneInfo: [{Region, Zone, RegionId, ZoneId, Describe, IsPod}]`
 * per the official Java SDK. Entries without a region or zone are skipped.
 */
export function decodeZones(body: Record<string, unknown>): Zone[] {
  const list = own(body, 'ZoneInfo')
  if (!Array.isArray(list)) return []
  const zones: Zone[] = []
  for (const entry of list as unknown[]) {
    if (!isRecord(entry)) continue
    const str = (key: string) => {
      const s = toStr(own(entry, key))
      return s === BAD || s === null ? '' : s.trim()
    }
    const region = str('Region')
    const zone = str('Zone')
    if (!region || !zone) continue
    zones.push({ region, zone, describe: str('Describe') || zone })
  }
  return zones
}
