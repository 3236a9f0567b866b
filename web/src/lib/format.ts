/** Display formatting only: data stays raw (MB, unix seconds) everywhere else (style.md §7). */

const UNITS = ['MB', 'GB', 'TB'] as const

// An Intl constructor costs far more than a cached formatter's format() (several per table row),
// so each formatter is built once per locale + options.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>()

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  create: () => T,
): T {
  let formatter = cache.get(key) as T | undefined
  if (!formatter) {
    formatter = create()
    cache.set(key, formatter)
  }
  return formatter
}

/** A shared Intl.NumberFormat for `locale` + `options`. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}) {
  return cached(
    `n|${locale}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
  )
}

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  return cached(
    `d|${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  )
}

function relativeTimeFormat(locale: string) {
  return cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))
}

/** Size arrives in MB. */
export function formatSize(mb: number | null | undefined, locale: string): string | null {
  if (typeof mb !== 'number' || !Number.isFinite(mb) || mb < 0) return null
  let value = mb
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${numberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`
}

/** Unix seconds → Date, or null when the value cannot be a real time. */
export function toDate(seconds: number | null | undefined): Date | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? null : date
}

export function formatDateTime(seconds: number | null | undefined, locale: string): string | null {
  const date = toDate(seconds)
  return date
    ? dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
    : null
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

export function formatRelative(
  seconds: number | null | undefined,
  locale: string,
  nowMs: number = Date.now(),
): string | null {
  const date = toDate(seconds)
  if (!date) return null
  const diff = (date.getTime() - nowMs) / 1000
  const rtf = relativeTimeFormat(locale)
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(diff) >= size || unit === 'second')
      return rtf.format(Math.round(diff / size), unit)
  }
  return null
}

export function formatPrice(yuan: number | null | undefined, locale: string): string | null {
  if (typeof yuan !== 'number' || !Number.isFinite(yuan)) return null
  return numberFormat(locale, { style: 'currency', currency: 'CNY' }).format(yuan)
}

export function formatCount(n: number | null | undefined, locale: string): string | null {
  if (typeof n !== 'number' || !Number.isFinite(n)) return null
  return numberFormat(locale, { notation: n >= 10000 ? 'compact' : 'standard' }).format(n)
}

/** Seconds → "1 h 5 min" style duration. */
export function formatDuration(seconds: number | null | undefined, locale: string): string | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = Math.floor(seconds % 60)
  const nf = (value: number, unit: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value)
  if (h > 0) return `${nf(h, 'hour')} ${nf(m, 'minute')}`
  if (m > 0) return `${nf(m, 'minute')} ${nf(s, 'second')}`
  return nf(s, 'second')
}

/** A raw value shown as it arrived, for fields that came malformed. */
export function formatRaw(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
