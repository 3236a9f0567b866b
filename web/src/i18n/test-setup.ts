import { FIRST_PAINT_NAMESPACES, i18nReady, i18n, LANGUAGES, LAZY_NAMESPACES } from './i18n'

// Unit tests switch languages at will and read any namespace synchronously: every language's
// strings, first-paint and lazy ones alike, are loaded before any test runs (the app loads only
// the current language's, and the lazy namespaces after the first rows).
await i18nReady
await i18n.reloadResources([...LANGUAGES], [...FIRST_PAINT_NAMESPACES, ...LAZY_NAMESPACES])
