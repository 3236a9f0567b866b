import { describe, expect, it } from 'vitest'
import {
  collectResources,
  detectLanguage,
  FIRST_PAINT_NAMESPACES,
  i18n,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  LAZY_NAMESPACES,
} from './i18n'

// Every locale file, the ones loaded after start included.
const resources = collectResources(
  import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true }),
)

function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix]
  return Object.entries(value).flatMap(([key, sub]) =>
    keyPaths(sub, prefix ? `${prefix}.${key}` : key),
  )
}

/** i18next plural suffixes differ per language (zh has only _other); compare the base keys. */
function normalise(keys: string[]): string[] {
  return [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort()
}

describe('translations', () => {
  it('has every language', () => {
    for (const lng of LANGUAGES) expect(resources[lng], lng).toBeDefined()
  })

  it('has the same namespaces and keys in every language', () => {
    const namespaces = Object.keys(resources.en ?? {}).sort()
    expect(namespaces.length).toBeGreaterThan(0)
    for (const lng of LANGUAGES) {
      expect(Object.keys(resources[lng] ?? {}).sort(), lng).toEqual(namespaces)
      for (const ns of namespaces) {
        expect(normalise(keyPaths(resources[lng]?.[ns])), `${lng}/${ns}`).toEqual(
          normalise(keyPaths(resources.en?.[ns])),
        )
      }
    }
  })

  it('has no empty strings', () => {
    for (const lng of LANGUAGES) {
      const flat = JSON.stringify(resources[lng])
      expect(flat, lng).not.toMatch(/:""/)
    }
  })
})

describe('first-paint namespaces', () => {
  it('are every locale file but the lazy ones, so a new namespace is loaded', () => {
    expect([...FIRST_PAINT_NAMESPACES, ...LAZY_NAMESPACES].sort()).toEqual(
      Object.keys(resources.en ?? {}).sort(),
    )
  })
})

describe('lazy namespaces', () => {
  // import.meta.glob takes literal patterns only: the first-paint chunks list the lazy files to
  // leave out by hand, so this keeps those lists and LAZY_NAMESPACES in step.
  it('are in no first-paint chunk, and every first-paint namespace is in each', async () => {
    const chunks = import.meta.glob<Record<string, unknown>>('./first-paint-*.ts', {
      import: 'default',
    })
    for (const lng of LANGUAGES) {
      const files = await chunks[`./first-paint-${lng}.ts`]!()
      const namespaces = Object.keys(files).map((path) => /([^/]+)\.json$/.exec(path)![1])
      expect(namespaces.sort(), lng).toEqual([...FIRST_PAINT_NAMESPACES].sort())
    }
  })

  it('loads them for the current language', async () => {
    for (const ns of LAZY_NAMESPACES) {
      await i18n.changeLanguage('zh-CN')
      await i18n.loadNamespaces(ns)
      expect(i18n.hasResourceBundle('zh-CN', ns), ns).toBe(true)
      expect(i18n.getResourceBundle('zh-CN', ns)).toEqual(resources['zh-CN']?.[ns])
    }
    await i18n.changeLanguage('en')
  })
})

describe('detectLanguage', () => {
  it('keeps the stored choice over the browser', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en')
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN')
  })

  it("reads the browser's languages in order, any Chinese as Simplified Chinese", () => {
    expect(detectLanguage(null, ['zh-Hans-CN', 'en'])).toBe('zh-CN')
    expect(detectLanguage(null, ['zh'])).toBe('zh-CN')
    expect(detectLanguage(null, ['fr-FR', 'en-GB', 'zh-CN'])).toBe('en')
    expect(detectLanguage(null, ['fr-FR', 'zh-TW'])).toBe('zh-CN')
  })

  it('falls back to English for anything else, a bad stored value included', () => {
    expect(detectLanguage('klingon', ['fr'])).toBe('en')
    expect(detectLanguage(null, [])).toBe('en')
  })

  it('remembers a language chosen later', async () => {
    await i18n.changeLanguage('zh-CN')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN')
    await i18n.changeLanguage('en')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en')
  })
})
