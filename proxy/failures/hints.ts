import type { FailureHint } from '../contract/api'
import { HINT_CATALOG, type HintEntry } from './hint-catalog'

/** The catalog entry for a reason, or null when no entry names its cause. */
export function matchHint(
  reason: string,
  catalog: readonly HintEntry[] = HINT_CATALOG,
): HintEntry | null {
  const text = reason.normalize('NFKC')
  return catalog.find((entry) => entry.patterns.some((p) => p.test(text))) ?? null
}

/** design.md §4's `hint`: `{zh, en, docs?}` for a known cause, else null. */
export function failureHint(reason: string): FailureHint | null {
  const entry = matchHint(reason)
  if (!entry) return null
  return entry.docs
    ? { zh: entry.zh, en: entry.en, docs: entry.docs }
    : { zh: entry.zh, en: entry.en }
}
