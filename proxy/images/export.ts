import type { Image } from '../contract/api'

/** One CSV column: its header and how to read it off an image (raw; toCsv formats). */
export interface ExportColumn {
  header: string
  value: (image: Image) => unknown
}

/** Unix seconds as ISO 8601 UTC; null when missing, out of range, or 0 (the API's "never"). */
function isoTime(seconds: unknown): string | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const visibilityName = (value: number | null) =>
  value === 0 ? 'private' : value === 1 ? 'public' : value

/** The CSV export's columns (design.md §4 `/api/images/export`), raw values with units named. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'CompShareImageId', value: (i) => i.CompShareImageId },
  { header: 'Name', value: (i) => i.Name },
  { header: 'Status', value: (i) => i.Status },
  { header: 'ImageType', value: (i) => i.ImageType },
  { header: 'Visibility', value: (i) => visibilityName(i.Visibility) },
  { header: 'VersionName', value: (i) => i.VersionName },
  { header: 'GroupId', value: (i) => i.GroupId },
  { header: 'Author', value: (i) => i.Author },
  { header: 'OwnerAccountId', value: (i) => i.Owner?.AccountId },
  { header: 'OwnerAccountName', value: (i) => i.Owner?.AccountName },
  { header: 'ImageOwnerAlias', value: (i) => i.ImageOwnerAlias },
  { header: 'IsOfficial', value: (i) => i.IsOfficial },
  { header: 'SourceGpuType', value: (i) => i.SourceGpuType },
  { header: 'Framework', value: (i) => i.Softwares?.Framework },
  { header: 'FrameworkVersion', value: (i) => i.Softwares?.FrameworkVersion },
  { header: 'CUDAVersion', value: (i) => i.Softwares?.CUDAVersion },
  { header: 'Applications', value: (i) => i.Softwares?.Applications },
  { header: 'Tags', value: (i) => i.Tags },
  { header: 'SizeMB', value: (i) => i.Size },
  { header: 'PriceYuan', value: (i) => i.Price },
  { header: 'CreatedCount', value: (i) => i.CreatedCount },
  { header: 'FavoritesCount', value: (i) => i.FavoritesCount },
  { header: 'CreateTime', value: (i) => i.CreateTime },
  { header: 'CreateTimeISO', value: (i) => isoTime(i.CreateTime) },
  { header: 'PubTime', value: (i) => i.PubTime },
  { header: 'PubTimeISO', value: (i) => isoTime(i.PubTime) },
  { header: 'ImageUseTime', value: (i) => i.ImageUseTime },
  { header: 'Container', value: (i) => i.Container },
  { header: 'AutoStart', value: (i) => i.AutoStart },
  { header: 'ImageCharge', value: (i) => i.ImageCharge },
  { header: 'AuthInfo', value: (i) => i.AuthInfo },
  { header: 'FailedReason', value: (i) => i.FailedReason },
  { header: 'Description', value: (i) => i.Description },
  { header: 'VersionDesc', value: (i) => i.VersionDesc },
  { header: 'Cover', value: (i) => i.Cover },
]

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"), plus their
 * full-width forms, which some spreadsheet programs in CJK locales convert on input.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const NEEDS_QUOTES = /[",\r\n]/
/** Control characters but tab, LF and CR: no text needs them, and LibreOffice skips a leading NUL. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
/**
 * What a spreadsheet may skip before it looks for `=`: spaces of every kind (an import with
 * "trim spaces" on), invisible format characters (zero-width space, BOM, bidi marks).
 */
const SKIPPABLE_LEAD = /^[\s\p{Zs}\p{Cf}]+/u

/** One value as CSV cell text: arrays joined with '; ', booleans true/false, null empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  // Real numbers stay as they are, so a negative price is still a number to the spreadsheet.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  let text = (
    Array.isArray(value)
      ? value
          .filter((v) => v !== null && v !== undefined)
          .map(String)
          .join('; ')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value)
  ).replace(CONTROL, '')
  // Issue 12: `\x00=1+1` and ` =1+1` were evaluated; look past what a spreadsheet skips.
  if (FORMULA_START.test(text) || FORMULA_START.test(text.replace(SKIPPABLE_LEAD, ''))) {
    text = `'${text}`
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The list as CSV (RFC 4180: CRLF, fields with `,` `"` CR or LF quoted), with a UTF-8 BOM so
 * spreadsheet programs read Chinese text correctly (design.md §4).
 */
export function toCsv(images: readonly Image[]): string {
  const lines = [EXPORT_COLUMNS.map((column) => csvCell(column.header)).join(',')]
  for (const image of images) {
    lines.push(EXPORT_COLUMNS.map((column) => csvCell(column.value(image))).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** The list as a pretty JSON array of the records as the API gave them, without Readme. */
export function toJson(images: readonly Image[]): string {
  return JSON.stringify(
    images.map(({ Readme: _readme, ...rest }) => rest),
    null,
    2,
  )
}
