import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { hideForLink, hiddenColumns, useColumnChoice, visibilityFromHidden } from './column-choice'
import { columnVisibilityPreference, DEFAULT_COLUMN_VISIBILITY } from './table-preferences'

beforeEach(() => localStorage.clear())

describe('hide lists and visibility', () => {
  it('writes no hide for the default columns, and the hidden ids, sorted, otherwise', () => {
    expect(hideForLink(DEFAULT_COLUMN_VISIBILITY)).toEqual([])
    expect(hideForLink({ ...DEFAULT_COLUMN_VISIBILITY, Visibility: false, Price: false })).toEqual([
      'CreatedCount',
      'FavoritesCount',
      'ImageType',
      'Price',
      'PubTime',
      'VersionName',
      'Visibility',
    ])
    // Showing a default-hidden column is a difference too.
    expect(hideForLink({ FavoritesCount: false, PubTime: true })).toEqual(['FavoritesCount'])
  })

  it('reads a hide list as those columns hidden and the rest shown, the Name column always', () => {
    const visibility = visibilityFromHidden(['Price', 'Name'])
    expect(hiddenColumns(visibility)).toEqual(['Price'])
    expect(visibility).toMatchObject({ Price: false, PubTime: true, FavoritesCount: true })
    expect(visibility.Name).toBeUndefined()
  })
})

describe('useColumnChoice', () => {
  it('shows a link’s columns without touching the stored choice', () => {
    columnVisibilityPreference.set({ ...DEFAULT_COLUMN_VISIBILITY, Tags: false })
    const before = localStorage.getItem('imagedeck.columns')
    const { result } = renderHook(() => useColumnChoice({ hide: ['Price'], clearHide: vi.fn() }))
    expect(result.current.fromLink).toBe(true)
    expect(result.current.hidden).toEqual(['Price'])
    expect(localStorage.getItem('imagedeck.columns')).toBe(before)
  })

  it('uses the stored choice when the URL has no hide', () => {
    columnVisibilityPreference.set({ Tags: false })
    const { result } = renderHook(() => useColumnChoice({ hide: [], clearHide: vi.fn() }))
    expect(result.current.fromLink).toBe(false)
    expect(result.current.hidden).toEqual(['Tags'])
    expect(result.current.hideForLink).toEqual(['Tags'])
  })

  it('saves a change made while a link is open, based on what is shown, and drops hide', () => {
    const clearHide = vi.fn()
    const { result } = renderHook(() => useColumnChoice({ hide: ['Price'], clearHide }))
    act(() => result.current.setVisibility((prev) => ({ ...prev, Size: false })))
    expect(clearHide).toHaveBeenCalledTimes(1)
    expect(hiddenColumns(columnVisibilityPreference.get())).toEqual(['Price', 'Size'])
  })

  it('changes the stored choice without touching the URL when no link is open', () => {
    const clearHide = vi.fn()
    const { result } = renderHook(() => useColumnChoice({ hide: [], clearHide }))
    act(() => result.current.setVisibility((prev) => ({ ...prev, PubTime: true })))
    expect(clearHide).not.toHaveBeenCalled()
    expect(result.current.hidden).toEqual([
      'CreatedCount',
      'FavoritesCount',
      'ImageType',
      'VersionName',
    ])
  })

  it('replaces the stored choice with a saved view’s hidden columns', () => {
    const { result } = renderHook(() => useColumnChoice({ hide: [], clearHide: vi.fn() }))
    act(() => result.current.replaceHidden(['Author']))
    expect(result.current.hidden).toEqual(['Author'])
  })
})
