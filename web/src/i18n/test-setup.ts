import { i18nReady, i18n, LANGUAGES } from './i18n'

// Unit tests switch languages at will and read either one synchronously: every language's
// first-paint strings are loaded before any test runs (the app loads only the current one).
await i18nReady
await i18n.loadLanguages([...LANGUAGES])
