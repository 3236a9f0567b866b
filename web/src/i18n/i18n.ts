import i18n from 'i18next'
import resourcesToBackend from 'i18next-resources-to-backend'
import { initReactI18next } from 'react-i18next'
import { afterFirstRows } from '@/lib/first-rows'

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

/**
 * Namespaces only code outside the first load reads (the drawer, in its own chunk): their files
 * load right after start instead of with the first load (~3 KB brotli); a component that reads
 * one before it arrives suspends inside that code's own Suspense boundary.
 */
export const LAZY_NAMESPACES = ['detail']

/** The namespaces on the first load, every language. */
export const resources = collectResources(
  import.meta.glob<{ default: Record<string, unknown> }>(
    ['./locales/*/*.json', '!./locales/*/detail.json'],
    { eager: true },
  ),
)

const lazyFiles = import.meta.glob<Record<string, unknown>>('./locales/*/detail.json', {
  import: 'default',
})

/**
 * The language to start in: the one the user chose (kept in local storage), else the first of the
 * browser's languages we have. zh, zh-CN, zh-Hans-CN... all read as Simplified Chinese.
 */
export function detectLanguage(stored: string | null, browser: readonly string[]): Language {
  for (const tag of [stored, ...browser]) {
    const lng = tag?.toLowerCase() ?? ''
    if (lng.startsWith('zh')) return 'zh-CN'
    if (lng === 'en' || lng.startsWith('en-')) return 'en'
  }
  return 'en'
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY)
  } catch {
    return null // disabled storage: the browser's language, for this session
  }
}

// Two sources and one line of storage do not need i18next-browser-languagedetector (2 KB brotli
// on the first load).
void i18n
  .use(initReactI18next)
  .use(
    resourcesToBackend((lng: string, ns: string) => {
      const load = lazyFiles[`./locales/${lng}/${ns}.json`]
      return load ? load() : Promise.reject(new Error(`no locale file ${lng}/${ns}`))
    }),
  )
  .init({
    resources,
    // The bundled namespaces are complete; the backend brings LAZY_NAMESPACES.
    partialBundledLanguages: true,
    lng: detectLanguage(
      storedLanguage(),
      typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
    ),
    supportedLngs: LANGUAGES,
    fallbackLng: 'en',
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    defaultNS: 'common',
    ns: Object.keys(resources.en ?? {}),
    interpolation: { escapeValue: false },
  })
// Asked for once the first rows show, so they are there when the drawer opens (at once when the
// URL opens an image); later language changes load them too.
const opensImage = typeof window !== 'undefined' && /[?&]image=/.test(window.location.search)
void (opensImage ? Promise.resolve() : afterFirstRows()).then(() =>
  i18n.loadNamespaces(LAZY_NAMESPACES),
)

// A choice made in the language menu is remembered.
i18n.on('languageChanged', (lng) => {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng)
  } catch {
    // disabled storage: the choice lasts for the session
  }
})

export { i18n }
