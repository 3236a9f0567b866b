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
 * Formats a scalar the way UCloud's SDKs put it on the wire.
 * design.md §2: booleans as true/false, a float with zero fraction as an integer, never an exponent.
 */
export function formatScalar(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) throw new TypeError(`cannot sign a non-finite number: ${value}`)
  if (Number.isInteger(value)) return BigInt(value).toString()
  const plain = value.toString()
  if (!/e/i.test(plain)) return plain
  // toFixed(20) still avoids exponents for |x| < 1e21; trim the padding it adds.
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
}

/**
 * Flattens nested params: arrays become `Key.0`, `Key.1`; objects `Key.Sub`.
 * Null, undefined and empty strings are dropped (as the official Python SDK's encoder does).
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
