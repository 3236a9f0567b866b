import { timingSafeEqual } from 'node:crypto'
import { flattenParams, signature, type FlatParams, type ParamValue } from '../upstream/sign'
import { RetCodeError } from './retcodes'

/**
 * The request's parameters as the API reads them: the query string, plus a form or JSON body.
 * Form and query values are taken as received (the signature covers exactly what was sent);
 * a JSON body is flattened first, as the SDKs flatten before signing (design.md §2).
 */
export async function readParams(request: Request): Promise<FlatParams> {
  const url = new URL(request.url)
  const params: FlatParams = Object.fromEntries(url.searchParams)
  if (request.method === 'GET' || request.method === 'HEAD') return params
  const type = request.headers.get('content-type') ?? ''
  const text = await request.text()
  if (type.includes('json')) {
    const json = parseJson(text)
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      Object.assign(params, flattenParams(json as Record<string, ParamValue>))
    }
  } else if (text) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(text)))
  }
  return params
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Checks Signature as the gateway does: recompute it with the caller's private key over every
 * other parameter (design.md §2) and compare in constant time. Throws 170/172/171.
 */
export function verifySignature(
  params: FlatParams,
  privateKeys: ReadonlyMap<string, string>,
): void {
  const { Signature: sent, ...signed } = params
  if (!sent) throw new RetCodeError(170)
  const privateKey = signed.PublicKey ? privateKeys.get(signed.PublicKey) : undefined
  if (privateKey === undefined) throw new RetCodeError(172)
  const expected = Buffer.from(signature(signed, privateKey), 'utf8')
  const actual = Buffer.from(sent, 'utf8')
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new RetCodeError(171)
  }
}
