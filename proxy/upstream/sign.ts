import { createHash } from 'node:crypto'

/** A request parameter value as callers build it, before flattening. */
export type ParamValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly ParamValue[]
  | { readonly [key: string]: ParamValue }

export type FlatParams = Record<string, string>

/**
 * Formats a scalar the way UCloud's SDKs put it on the wire. design.md §2: booleans as
 * true/false; a number as its shortest round-trip decimal, never in scientific notation
 * (`42.0` → `42`, `1e-7` → `0.0000001`, `5e-324` exact), as Go's FormatFloat(f, 'f', -1, 64).
 */
export function formatScalar(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) throw new TypeError(`cannot sign a non-finite number: ${value}`)
  return plainDecimal(value)
}

/**
 * ECMAScript's Number::toString already gives the shortest digits that round-trip; below 1e-6
 * and from 1e21 it writes them with an exponent, which is shifted out here digit for digit
 * (toFixed would round to 20 places and lose digits, printing 5e-324 as 0).
 */
function plainDecimal(value: number): string {
  const text = String(value)
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match
  const digits = lead + fraction
  const exponent = Number(exponentText)
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
  return sign + digits + '0'.repeat(exponent - fraction.length)
}

/**
 * Flattens nested params: arrays become `Key.0`, `Key.1`; objects `Key.Sub`.
 * Null, undefined and empty strings are dropped (design.md §2; as the official Go SDK does; the
 * Python SDK signs an empty string as an empty value, so the two differ only there).
 */
export function flattenParams(params: Record<string, ParamValue>): FlatParams {
  const out: FlatParams = {}
  const visit = (prefix: string, value: ParamValue): void => {
    if (value === null || value === undefined || value === '') return
    if (Array.isArray(value)) {
      value.forEach((item: ParamValue, i) => visit(`${prefix}.${i}`, item))
      return
    }
    if (typeof value === 'object') {
      for (const [key, sub] of Object.entries(value)) visit(`${prefix}.${key}`, sub)
      return
    }
    out[prefix] = formatScalar(value as string | number | boolean)
  }
  for (const [key, value] of Object.entries(params)) visit(key, value)
  return out
}

/** Code-unit order, case-sensitive (`CPU` < `ChargeType`, `Backends.10` < `Backends.2`). */
function codeUnitCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The string that is hashed, minus the private key: sorted `key + value` pairs,
 * no separators, no URL-encoding (design.md §2; as the official Go and Python SDKs sign).
 */
export function canonicalString(flat: FlatParams): string {
  return Object.keys(flat)
    .sort(codeUnitCompare)
    .map((key) => key + flat[key])
    .join('')
}

/** Lower-case hex SHA-1 of canonicalString + private key, over UTF-8 bytes. */
export function signature(flat: FlatParams, privateKey: string): string {
  return createHash('sha1')
    .update(canonicalString(flat) + privateKey, 'utf8')
    .digest('hex')
}

/**
 * Flattens params, adds PublicKey and returns the final parameter set with Signature.
 * Signing happens last, over exactly the parameters that will be sent.
 */
export function signParams(
  params: Record<string, ParamValue>,
  keys: { publicKey: string; privateKey: string },
): FlatParams {
  const flat = flattenParams({ ...params, PublicKey: keys.publicKey })
  delete flat.Signature
  return { ...flat, Signature: signature(flat, keys.privateKey) }
}
