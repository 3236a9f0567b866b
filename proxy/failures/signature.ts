import { createHash } from 'node:crypto'

/** What went wrong in one FailedReason: the group it belongs to and the line that says so. */
export interface FailureSignature {
  /** Stable short id of the group (design.md §4 `reason=`): the same reasons, the same key. */
  key: string
  /** The line that says what went wrong (for a traceback, its final exception line). */
  summary: string
}

/**
 * PLACEHOLDER, replaced by the failure-triage work: groups only identical reasons. The signature
 * (and that it is pure and deterministic) is the contract the list engine relies on.
 */
export function failureSignature(reason: string): FailureSignature {
  const lines = reason
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const summary = lines.at(-1) ?? ''
  const key = createHash('sha1').update(reason.trim()).digest('hex').slice(0, 12)
  return { key, summary }
}
