import { createHash } from 'node:crypto'
import { normaliseReason, reasonLines } from './normalise'

/** What went wrong in one FailedReason: the group it belongs to and the line that says so. */
export interface FailureSignature {
  /** Stable short id of the group (design.md §4 `reason=`): the same reasons, the same key. */
  key: string
  /** The line that says what went wrong (for a traceback, its final exception line). */
  summary: string
}

/** Longest summary kept: a one-line reason can be a whole log squeezed onto one line. */
const SUMMARY_MAX = 300

const TRACEBACK = /^\s*Traceback \(most recent call last\):/
/** Python's exception line: a dotted name ending like an exception class, then its message. */
const EXCEPTION = /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Failure|Fault)(?::|$)/
/** Words that say something failed, in the languages the console and build logs use. */
const FAILURE_WORDS =
  /error|fail|fatal|denied|refused|time[ds]? ?out|exceed|insufficient|no space|unable|cannot|can't|couldn't|not found|invalid|killed|out of memory|reject|abort|interrupt|stopped|失败|错误|超时|不足|超过|超出|未通过|拒绝|无法|中断|异常|关机|驳回/i

/**
 * Pure and deterministic: the key is a hash of the normalised reason (normalise.ts), so reasons
 * that differ only in numbers, sizes, hashes, ids, paths, times or stack frames share it, and it
 * is the same after a restart.
 */
export function failureSignature(reason: string): FailureSignature {
  return { key: failureKey(reason), summary: summaryLine(reasonLines(reason)) }
}

/** The signature's key alone: what the list's index needs of every failed image. */
export function failureKey(reason: string): string {
  return createHash('sha256').update(normaliseReason(reason)).digest('hex').slice(0, 12)
}

/**
 * After a traceback: its final exception line. Otherwise the last line that says something
 * failed (a log's final error), else the first line.
 */
export function summaryLine(lines: readonly string[]): string {
  const start = lines.findLastIndex((line) => TRACEBACK.test(line))
  let line: string | undefined
  if (start >= 0) {
    const after = lines.slice(start + 1).filter((l) => !/^\s/.test(l))
    line = after.findLast((l) => EXCEPTION.test(l)) ?? after.at(-1)
  }
  line ??= lines.findLast((l) => FAILURE_WORDS.test(l)) ?? lines[0] ?? ''
  const text = line.replace(/\s+/g, ' ').trim()
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text
}
