import type { Image, Owner, Progress, Softwares, Zone } from '../contract/api'
import {
  BAD,
  field,
  isRecord,
  Malformed,
  own,
  toBool,
  toContainer,
  toFloat,
  toInt,
  toStr,
  toStringList,
  type Coerce,
} from './decode-values'

/**
 * Tolerant decoding of API responses (design.md §2): the doc's own example sends strings for ints
 * and real data may drift, so numeric strings become numbers, anything unusable becomes null with
 * its raw value kept in `malformed`, and nothing ever throws or drops a row.
 */

/** design.md §2: CompShareImage's plain fields and how each is read, per the official SDKs. */
const IMAGE_FIELDS: Readonly<Record<string, Coerce<unknown>>> = {
  CompShareImageId: toStr,
  Name: toStr,
  Author: toStr,
  ImageOwnerAlias: toStr,
  ImageType: toStr,
  Status: toStr,
  Description: toStr,
  Cover: toStr,
  FailedReason: toStr,
  GroupId: toStr,
  VersionName: toStr,
  VersionDesc: toStr,
  SourceGpuType: toStr,
  AuthInfo: toInt,
  Size: toInt,
  Visibility: toInt,
  CreatedCount: toInt,
  FavoritesCount: toInt,
  CreateTime: toInt,
  PubTime: toInt,
  ImageUseTime: toInt,
  Price: toFloat,
  IsOfficial: toBool,
  AutoStart: toBool,
  ImageCharge: toBool,
  Container: toContainer,
}

const KNOWN = new Set([
  ...Object.keys(IMAGE_FIELDS),
  'Tags',
  'Softwares',
  'Owner',
  'Readme',
  'malformed',
])
/**
 * Every decoded image starts as a copy of this one, so all share one hidden class with fast
 * properties: filled key by key from `{}`, V8 makes each a dictionary, 5× slower to decode and
 * ~10× the memory (issue 9's cold-list and RSS guards; measured at 100,000 images).
 */
const EMPTY_IMAGE = Object.fromEntries(
  [...Object.keys(IMAGE_FIELDS), 'Tags', 'Softwares', 'Owner'].map((key) => [key, null]),
)
const FIELD_READERS = Object.entries(IMAGE_FIELDS)

/** Keys that could reach a prototype if copied with plain assignment. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

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

/**
 * Decodes one CompShareImage. Never throws: a non-object record gives an Image whose known fields
 * are all null, with `malformed['']` holding the raw value. Unknown fields pass through unchanged.
 */
export function decodeImage(raw: unknown): Image {
  const bad = new Malformed()
  const r = isRecord(raw) ? raw : {}
  if (!isRecord(raw)) bad.add('', raw)
  const image: Record<string, unknown> = { ...EMPTY_IMAGE }
  for (const [key, coerce] of FIELD_READERS) image[key] = field(r, bad, key, coerce)
  image.Tags = toStringList(own(r, 'Tags'), 'Tags', bad)
  image.Softwares = toSoftwares(own(r, 'Softwares'), bad)
  image.Owner = toOwner(own(r, 'Owner'), bad)
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
