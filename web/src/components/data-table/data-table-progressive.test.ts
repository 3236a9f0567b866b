import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sliceEnd, useProgressiveRows } from './data-table-progressive'

const rows = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => ({ id: `r${from + k}` }))

describe('sliceEnd', () => {
  it('stops before the first row past the allowance of new rows', () => {
    expect(sliceEnd(rows(0, 100), new Set(), 20)).toBe(20)
    expect(sliceEnd(rows(0, 5), new Set(), 20)).toBe(5)
    expect(sliceEnd([], new Set(), 20)).toBe(0)
  })

  it('does not count rows already on screen', () => {
    const known = new Set(rows(0, 50).map((r) => r.id))
    // 50 known rows, then new ones: 50 + 20.
    expect(sliceEnd(rows(0, 100), known, 20)).toBe(70)
    // Known rows in between new ones are free.
    const mixed = [...rows(100, 110), ...rows(0, 50), ...rows(110, 140)]
    expect(sliceEnd(mixed, known, 20)).toBe(10 + 50 + 10)
  })
})

describe('useProgressiveRows', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const nextFrame = () =>
    act(async () => {
      await vi.advanceTimersByTimeAsync(40)
    })

  it('mounts a new page in slices, one per frame, until complete', async () => {
    const page = rows(0, 50)
    const { result } = renderHook(() => useProgressiveRows(page, 20))
    expect(result.current.visible.map((r) => r.id)).toEqual(page.slice(0, 20).map((r) => r.id))
    expect(result.current.complete).toBe(false)
    await nextFrame()
    expect(result.current.visible).toHaveLength(40)
    await nextFrame()
    expect(result.current.visible).toBe(page)
    expect(result.current.complete).toBe(true)
  })

  it('keeps rows on screen when a refetch brings few new ones', async () => {
    const first = rows(0, 50)
    const { result, rerender } = renderHook(({ list }) => useProgressiveRows(list, 20), {
      initialProps: { list: first },
    })
    await nextFrame()
    await nextFrame()
    expect(result.current.complete).toBe(true)
    // One row changed (a new object, as a refetch brings), one row new: all 50 at once.
    const refetched = [...first.slice(0, 10), { id: 'r10' }, ...first.slice(11, 49), { id: 'new' }]
    rerender({ list: refetched })
    expect(result.current.visible).toBe(refetched)
    expect(result.current.complete).toBe(true)
  })

  it('starts over when the page changes before it is complete', async () => {
    const { result, rerender } = renderHook(({ list }) => useProgressiveRows(list, 20), {
      initialProps: { list: rows(0, 100) },
    })
    expect(result.current.visible).toHaveLength(20)
    const other = rows(100, 200)
    rerender({ list: other })
    expect(result.current.visible.map((r) => r.id)).toEqual(other.slice(0, 20).map((r) => r.id))
    for (let k = 0; k < 4; k++) await nextFrame()
    expect(result.current.visible).toBe(other)
  })
})
