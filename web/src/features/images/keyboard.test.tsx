import { fireEvent, render, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isTypingOrInOverlay, useListShortcuts } from './keyboard'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('useListShortcuts', () => {
  it('maps single keys to actions', () => {
    const onAction = vi.fn()
    renderHook(() => useListShortcuts(true, onAction))
    for (const key of ['/', 'j', 'k', '[', ']', '?']) fireEvent.keyDown(document.body, { key })
    expect(onAction.mock.calls.map(([action]) => action)).toEqual([
      'search',
      'next',
      'previous',
      'previousPage',
      'nextPage',
      'help',
    ])
  })

  it('never fires while typing, inside a dialog, with a modifier, or when disabled', () => {
    const onAction = vi.fn()
    const { rerender } = renderHook(({ on }) => useListShortcuts(on, onAction), {
      initialProps: { on: true },
    })
    const { container } = render(
      <div>
        <input aria-label="search" />
        <textarea aria-label="notes" />
        <div role="dialog">
          <button type="button">in dialog</button>
        </div>
      </div>,
    )
    fireEvent.keyDown(container.querySelector('input')!, { key: 'j' })
    fireEvent.keyDown(container.querySelector('textarea')!, { key: '/' })
    fireEvent.keyDown(container.querySelector('button')!, { key: 'k' })
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true })
    fireEvent.keyDown(document.body, { key: ']', metaKey: true })
    rerender({ on: false })
    fireEvent.keyDown(document.body, { key: 'j' })
    expect(onAction).not.toHaveBeenCalled()
  })

  it('knows a field from the rest of the page', () => {
    const { container } = render(
      <div>
        <input aria-label="a" />
        <div contentEditable="true" suppressContentEditableWarning>
          x
        </div>
        <p>text</p>
      </div>,
    )
    expect(isTypingOrInOverlay(container.querySelector('input'))).toBe(true)
    expect(isTypingOrInOverlay(container.querySelector('[contenteditable]'))).toBe(true)
    expect(isTypingOrInOverlay(container.querySelector('p'))).toBe(false)
  })
})
