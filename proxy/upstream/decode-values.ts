/**
 * Tolerant readers of single API values (design.md §2), for decode.ts: numeric strings become
 * numbers, anything unusable becomes BAD, and nothing throws.
 */

export const BAD = Symbol('malformed')
export type Coerced<T> = T | null | typeof BAD
export type Coerce<T> = (value: unknown) => Coerced<T>

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An own property only: never an inherited one such as `constructor`. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

export function toFloat(value: unknown): Coerced<number> {
  if (value === undefined || value === null) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : BAD
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim())
  return BAD
}

export function toInt(value: unknown): Coerced<number> {
  const n = toFloat(value)
  if (n === null || n === BAD) return n
  return Number.isSafeInteger(n) ? n : BAD
}

export function toBool(value: unknown): Coerced<boolean> {
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
export function toStr(value: unknown): Coerced<string> {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return BAD
}

/** The API's Container is the string "True"/"False"; a boolean (or 0/1) is normalised to it. */
export function toContainer(value: unknown): Coerced<string> {
  if (typeof value === 'string' && !/^\s*(true|false|0|1)\s*$/i.test(value)) return value
  const flag = toBool(value)
  if (flag === null || flag === BAD) return flag
  return flag ? 'True' : 'False'
}

/** Accumulates raw values of unusable fields by path. */
export class Malformed {
  readonly entries: Record<string, unknown> = {}
  has = false
  add(path: string, raw: unknown): void {
    // defineProperty, not assignment: a path named `__proto__` stays a plain key.
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

/** `coerce(own(record, key))`, with an unusable value kept in `bad` under `path` (default: key). */
export function field<T>(
  record: Record<string, unknown>,
  bad: Malformed,
  key: string,
  coerce: Coerce<T>,
  path = key,
): T | null {
  const raw = own(record, key)
  return bad.take(path, raw, coerce(raw))
}

/** string[] from an array (numbers stringified, other items dropped) or a comma-separated string. */
export function toStringList(raw: unknown, path: string, bad: Malformed): string[] | null {
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
