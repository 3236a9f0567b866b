import type { Image } from '@contract/api'
import { numberFormat } from '@/lib/format'

/** Pure readers for odd data (design.md §2: types drift; never crash, never hide a row). */

export function malformedValue(image: Image, path: string): { raw: unknown } | undefined {
  const map = image.malformed
  if (!map || typeof map !== 'object' || !Object.hasOwn(map, path)) return undefined
  return { raw: (map as Record<string, unknown>)[path] }
}

/** The first malformed path among these, for a cell that shows several fields. */
export function firstMalformed(
  image: Image,
  paths: readonly string[],
): { raw: unknown; path: string } | undefined {
  for (const path of paths) {
    const found = malformedValue(image, path)
    if (found) return { ...found, path }
  }
  return undefined
}

export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export function imageTags(image: Image): string[] {
  const tags: unknown = image.Tags
  if (!Array.isArray(tags)) return []
  return [...new Set(tags.map(textOf).filter((tag): tag is string => tag !== null))]
}

/** Only http(s) covers are shown: anything else (javascript:, data:, relative) is ignored. */
export function coverUrl(image: Image): string | null {
  const cover = textOf(image.Cover)
  if (!cover) return null
  try {
    const url = new URL(cover)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

export function softwares(image: Image): {
  framework: string | null
  version: string | null
  cuda: string | null
} {
  const s: unknown = image.Softwares
  const obj = s && typeof s === 'object' ? (s as Record<string, unknown>) : {}
  return {
    framework: textOf(obj.Framework),
    version: textOf(obj.FrameworkVersion),
    cuda: textOf(obj.CUDAVersion),
  }
}

export type VisibilityValue = 'private' | 'public'
export function visibilityOf(image: Image): VisibilityValue | null {
  return image.Visibility === 0 ? 'private' : image.Visibility === 1 ? 'public' : null
}

export function imageName(image: Image): string | null {
  return textOf(image.Name)
}

/** "¥1.50" in every language (Intl writes "CN¥" for English; users know the yuan sign). */
export function formatYuan(yuan: number | null, locale: string): string | null {
  if (yuan === null || !Number.isFinite(yuan)) return null
  return numberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  }).format(yuan)
}
