/**
 * The en namespaces the first paint reads (all but LAZY_NAMESPACES in i18n.ts), keyed by path:
 * one chunk, fetched at start only when en is the language.
 */
export default import.meta.glob<Record<string, unknown>>(
  ['./locales/en/*.json', '!./locales/en/detail.json', '!./locales/en/errors.json'],
  { eager: true, import: 'default' },
)
