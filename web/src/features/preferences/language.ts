import { LANGUAGES, i18n, type Language } from '@/i18n/i18n'

/** Each language named in itself, so a reader of the other one can still find theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' }
export const LANGUAGE_SHORT: Record<Language, string> = { 'zh-CN': '中', en: 'EN' }

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language
  return (LANGUAGES as readonly string[]).includes(lng) ? (lng as Language) : 'en'
}

/** <html lang> follows the language (screen readers, fonts, hyphenation). */
export function syncDocumentLanguage(): () => void {
  const apply = () => {
    document.documentElement.lang = currentLanguage()
  }
  apply()
  i18n.on('languageChanged', apply)
  return () => i18n.off('languageChanged', apply)
}

/** i18n.ts remembers the choice in localStorage (LANGUAGE_STORAGE_KEY). */
export function setLanguage(lng: Language): Promise<unknown> {
  return i18n.changeLanguage(lng)
}
