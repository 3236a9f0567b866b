import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/i18n/i18n'
import { CellLanguageContext, useCellI18n } from './images-cell-i18n'

const inTable =
  (language: string) =>
  ({ children }: { children: ReactNode }) => (
    <CellLanguageContext value={language}>{children}</CellLanguageContext>
  )

describe('useCellI18n', () => {
  const original = i18n.getResource('en', 'common', 'value.free') as string
  afterEach(() => i18n.addResource('en', 'common', 'value.free', original))

  it('answers per language, key and options', () => {
    const en = renderHook(() => useCellI18n(), { wrapper: inTable('en') }).result.current.t
    const zh = renderHook(() => useCellI18n(), { wrapper: inTable('zh-CN') }).result.current.t
    expect(en('value.free')).toBe('Free')
    expect(zh('value.free')).toBe(i18n.getResource('zh-CN', 'common', 'value.free'))
    expect(zh('value.free')).not.toBe('Free')
    expect(en('status.unknown', { value: 'A' })).toBe('Unknown (A)')
    expect(en('status.unknown', { value: 'B' })).toBe('Unknown (B)')
    const images = renderHook(() => useCellI18n('images'), { wrapper: inTable('en') }).result
      .current.t
    expect(images('list.otherVersions', { count: 1 })).not.toBe(
      images('list.otherVersions', { count: 2 }),
    )
  })

  it('forgets its answers when the resources change', () => {
    const { t } = renderHook(() => useCellI18n(), { wrapper: inTable('en') }).result.current
    expect(t('value.free')).toBe('Free')
    i18n.addResource('en', 'common', 'value.free', 'Gratis')
    expect(t('value.free')).toBe('Gratis')
  })
})
