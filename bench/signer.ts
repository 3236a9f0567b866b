import { createHash } from 'node:crypto'
import { canonicalString, flattenParams, signParams, type ParamValue } from '../proxy/upstream/sign'
import { verdict, type GoalRow } from './lib/result'
import { int, median } from './lib/stats'

/** A DescribeCompShareCustomImages page request as the proxy signs it (actions.ts), key pair shaped like UCloud's. */
const KEYS = {
  publicKey: 'ucloudbench@example.com1296235120854146120',
  privateKey: '46f09bb9fab4f12dfc160dae12273d5332b5debe',
}
const paramsFor = (k: number): Record<string, ParamValue> => ({
  Action: 'DescribeCompShareCustomImages',
  Region: 'cn-wlcb',
  Zone: 'cn-wlcb-01',
  ProjectId: 'org-abc123',
  Offset: (k % 100) * 100,
  Limit: 100,
})

export interface SignerOptions {
  /** Timed windows (median reported) and the length of each. */
  windows: number
  windowMs: number
}

export const SIGNER_FULL: SignerOptions = { windows: 5, windowMs: 400 }

export interface SignerResult {
  perSecond: number
  /** A bare SHA-1 over the same canonical string + key, per second: the floor of any signer. */
  sha1PerSecond: number
  windows: number[]
}

/** Calls `work` in batches until `windowMs` passes; returns calls per second. */
function rate(work: (k: number) => unknown, windowMs: number): number {
  let calls = 0
  const started = performance.now()
  let now = started
  while (now - started < windowMs) {
    for (let k = 0; k < 200; k++) work(calls + k)
    calls += 200
    now = performance.now()
  }
  return (calls / (now - started)) * 1000
}

export function measureSigner(options: SignerOptions): SignerResult {
  let sink = 0
  const sign = (k: number) => (sink += signParams(paramsFor(k), KEYS).Signature!.length)
  const canonical = canonicalString(flattenParams({ ...paramsFor(0), PublicKey: KEYS.publicKey }))
  const sha1 = () =>
    (sink += createHash('sha1')
      .update(canonical + KEYS.privateKey, 'utf8')
      .digest('hex').length)
  rate(sign, 200) // warm-up: let V8 optimise both
  rate(sha1, 100)
  const windows: number[] = []
  const bare: number[] = []
  for (let w = 0; w < options.windows; w++) {
    windows.push(rate(sign, options.windowMs))
    bare.push(rate(sha1, options.windowMs / 2))
  }
  if (sink === 0) throw new Error('unreachable')
  return { perSecond: median(windows), sha1PerSecond: median(bare), windows }
}

/**
 * The signer must never be what limits upstream traffic: its rate against the highest call rate
 * the proxy ever asks of it (the cold fetch's peak, measured in the same run).
 */
export function signerRows(r: SignerResult, peakCallsPerSecond: number): GoalRow[] {
  const headroom = r.perSecond / peakCallsPerSecond
  return [
    {
      area: '3 signer',
      metric: `signParams, DescribeCompShareCustomImages page (${(1e6 / r.perSecond).toFixed(1)} µs each; bare SHA-1 ${int(r.sha1PerSecond)}/s)`,
      measured: `${int(r.perSecond)}/s`,
      goal: 'report',
      status: 'INFO',
    },
    {
      area: '3 signer',
      metric: `signatures/s ÷ cold fetch's peak upstream call rate (${int(peakCallsPerSecond)}/s)`,
      measured: `${int(headroom)}×`,
      goal: '≥ 100×',
      status: verdict(headroom >= 100),
    },
  ]
}
