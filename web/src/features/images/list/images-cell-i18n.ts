import type { TFunction } from 'i18next'
import { createContext, useContext } from 'react'
import { i18n } from '@/i18n/i18n'

/** The table's language, provided once per table render (null outside a table: the current one). */
export const CellLanguageContext = createContext<string | null>(null)

const fixed = new Map<string, TFunction>()

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
    t = i18n.getFixedT(language, ns) as TFunction
    fixed.set(key, t)
  }
  return { t, i18n: { language } }
}
