import { describe, expect, it, vi } from 'vitest'

describe('afterFirstRows', () => {
  it('waits for the page to mark its first rows, then resolves in an idle moment', async () => {
    vi.resetModules()
    const { afterFirstRows, markFirstRowsShown } = await import('./first-rows')
    let done = false
    void afterFirstRows().then(() => (done = true))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(done).toBe(false)
    markFirstRowsShown()
    await afterFirstRows()
    expect(done).toBe(true)
  })

  it('resolves at the latest 10 s after start, rows or not', async () => {
    vi.useFakeTimers()
    try {
      vi.resetModules()
      const { afterFirstRows } = await import('./first-rows')
      let done = false
      void afterFirstRows().then(() => (done = true))
      await vi.advanceTimersByTimeAsync(9_900)
      expect(done).toBe(false)
      await vi.advanceTimersByTimeAsync(200)
      expect(done).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })
})
