import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { createPreference, usePreference } from '@/lib/preference-store'
import {
  columnVisibilityPreference,
  DEFAULT_COLUMN_VISIBILITY,
  densityPreference,
} from './table-preferences'
import { applyTheme, themePreference } from './theme'

beforeEach(() => localStorage.clear())
afterEach(() => document.documentElement.classList.remove('dark'))

describe('preferences in local storage', () => {
  it('falls back to the default, then persists what is set', () => {
    expect(densityPreference.get()).toBe('comfortable')
    densityPreference.set('compact')
    expect(localStorage.getItem('imagedeck.density')).toBe('"compact"')
    expect(densityPreference.get()).toBe('compact')
  })

  it('ignores a stored value that is not valid (hand-edited, older version, not JSON)', () => {
    localStorage.setItem('imagedeck.density', '"roomy"')
    expect(densityPreference.get()).toBe('comfortable')
    localStorage.setItem('imagedeck.density', '{oops')
    expect(densityPreference.get()).toBe('comfortable')
  })

  it('keeps column visibility, with Published and Favourites hidden by default', () => {
    expect(columnVisibilityPreference.get()).toEqual(DEFAULT_COLUMN_VISIBILITY)
    columnVisibilityPreference.set((prev) => ({ ...prev, Tags: false }))
    expect(JSON.parse(localStorage.getItem('imagedeck.columns')!)).toEqual({
      ...DEFAULT_COLUMN_VISIBILITY,
      Tags: false,
    })
  })

  it('re-renders subscribers on change and on another tab writing', () => {
    const pref = createPreference('test.pref', v.number(), 1)
    const { result } = renderHook(() => usePreference(pref))
    expect(result.current[0]).toBe(1)
    act(() => result.current[1](2))
    expect(result.current[0]).toBe(2)
    act(() => {
      localStorage.setItem('test.pref', '3')
      window.dispatchEvent(new StorageEvent('storage', { key: 'test.pref' }))
    })
    expect(result.current[0]).toBe(3)
  })

  it('applies the theme as a class on <html>', () => {
    themePreference.set('dark')
    expect(applyTheme()).toBe('dark')
    expect(document.documentElement.classList.contains('dark')).toBe(true)
    themePreference.set('light')
    applyTheme()
    expect(document.documentElement.classList.contains('dark')).toBe(false)
    expect(localStorage.getItem('imagedeck.theme')).toBe('"light"')
  })
})
