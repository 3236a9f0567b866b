import type { TFunction } from 'i18next'
import { createContext, useContext } from 'react'
import { i18n } from '@/i18n/i18n'

/** The table's language, provided once per table render (null outside a table: the current one). */
export const CellLanguageContext = createContext<string | null>(null)

const fixed = new Map<string, TFunction>()

/**
 * Cells ask for the same few strings over and over (a status label, "Copy ID" on every row): each
 * i18next `t` call resolves, nests and interpolates anew, ~20 µs, and a 100-row page made ~2,600
 * of them, 60 ms of every filter change's render (issue 9's keystroke → rows guard,
 * bench/browser.ts). So a cell's `t` remembers its answers until i18next's resources change.
 */
const answers = new Map<string, string>()
const MAX_ANSWERS = 5_000
const forget = () => answers.clear()
i18n.on('loaded', forget)
i18n.on('languageChanged', forget)
i18n.store.on('added', forget)
i18n.store.on('removed', forget)

function remembering(t: TFunction, prefix: string): TFunction {
  const remembered = (key: string | string[], options?: object) => {
    const id = `${prefix}\u0000${String(key)}\u0000${options ? JSON.stringify(options) : ''}`
    let answer = answers.get(id)
    if (answer === undefined) {
      answer = (t as (key: string | string[], options?: object) => string)(key, options)
      if (answers.size >= MAX_ANSWERS) answers.clear()
      answers.set(id, answer)
    }
    return answer
  }
  return remembered as TFunction
}

/**
 * `useTranslation` for table cells. A 100-row page has well over a thousand cells; one
 * `useTranslation` each subscribes every one of them to i18next and showed up as a long task on
 * every filter change (docs/benchmarks.md). Cells re-render on a language change anyway, because
 * the table's columns are rebuilt with the new `t`.
 */
export function useCellI18n(ns = 'common'): { t: TFunction; i18n: { language: string } } {
  const language = useContext(CellLanguageContext) ?? i18n.language
  const key = `${language}\u0000${ns}`
  let t = fixed.get(key)
  if (!t) {
    t = remembering(i18n.getFixedT(language, ns) as TFunction, key)
    fixed.set(key, t)
  }
  return { t, i18n: { language } }
}
