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
 * Namespaces only code outside the first load reads (the drawer; the error view, the notices and
 * the status dot's reason, all only on a failure): their files load after the first rows instead
 * of with the first load; a component that reads one before it arrives suspends inside that
 * code's own Suspense boundary.
 */
export const LAZY_NAMESPACES = ['detail', 'errors']

/**
 * The namespaces the first paint reads, for the current language only: one chunk per language
 * (first-paint-<lng>.ts), fetched at start; i18nReady waits for it. i18n.test.ts checks this
 * list against the locale files.
 */
export const FIRST_PAINT_NAMESPACES = ['common', 'failures', 'images']

const firstPaint = import.meta.glob<Record<string, Record<string, unknown>>>('./first-paint-*.ts', {
  import: 'default',
})
const lazyFiles = import.meta.glob<Record<string, unknown>>(
  ['./locales/*/detail.json', './locales/*/errors.json'],
  { import: 'default' },
)

async function loadNamespace(lng: string, ns: string): Promise<Record<string, unknown>> {
  const path = `./locales/${lng}/${ns}.json`
  const file = lazyFiles[path]
    ? await lazyFiles[path]()
    : (await firstPaint[`./first-paint-${lng}.ts`]?.())?.[path]
  if (!file) throw new Error(`no locale file ${lng}/${ns}`)
  return file
}

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
// on the first load). No fallback language: i18n.test.ts keeps every language complete, so a
// Chinese page never downloads the English strings.
/** Resolves once the current language's first-paint strings are there (main.tsx renders then). */
export const i18nReady = i18n
  .use(initReactI18next)
  .use(resourcesToBackend(loadNamespace))
  .init({
    lng: detectLanguage(
      storedLanguage(),
      typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
    ),
    supportedLngs: LANGUAGES,
    fallbackLng: false,
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    defaultNS: 'common',
    // A copy: i18next adds every namespace it loads later to this list.
    ns: [...FIRST_PAINT_NAMESPACES],
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
