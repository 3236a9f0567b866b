/**
 * The zh-CN namespaces the first paint reads (all but LAZY_NAMESPACES in i18n.ts), keyed by path:
 * one chunk, fetched at start only when zh-CN is the language.
 */
export default import.meta.glob<Record<string, unknown>>(
  ['./locales/zh-CN/*.json', '!./locales/zh-CN/detail.json', '!./locales/zh-CN/errors.json'],
  { eager: true, import: 'default' },
)
