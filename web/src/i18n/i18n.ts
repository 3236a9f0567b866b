import i18n from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const LANGUAGE_STORAGE_KEY = 'imagedeck.language'

type Resources = Record<string, Record<string, Record<string, unknown>>>

/**
 * Every `locales/<lng>/<namespace>.json` is a namespace; features add their own file
 * instead of editing a shared one.
 */
export function collectResources(
  files: Record<string, { default: Record<string, unknown> }>,
): Resources {
  const resources: Resources = {}
  for (const [path, module] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, lng, ns] = match as unknown as [string, string, string]
    resources[lng] ??= {}
    resources[lng][ns] = module.default
  }
  return resources
}

export const resources = collectResources(
  import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true }),
)

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: LANGUAGES,
    fallbackLng: 'en',
    // Browsers report zh, zh-CN, zh-Hans-CN...: all read as Simplified Chinese.
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    defaultNS: 'common',
    ns: Object.keys(resources.en ?? {}),
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) =>
        lng.toLowerCase().startsWith('zh') ? 'zh-CN' : lng,
    },
  })

export { i18n }
