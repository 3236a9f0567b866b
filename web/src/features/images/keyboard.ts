import { useEffect, useRef } from 'react'

/** The list's shortcuts (design.md §6), as data: the `?` dialog lists these. */
export const SHORTCUTS = [
  { keys: ['/'], action: 'search' },
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['Esc'], action: 'close' },
  { keys: ['['], action: 'previousPage' },
  { keys: [']'], action: 'nextPage' },
  { keys: ['?'], action: 'help' },
] as const

export type ShortcutAction = (typeof SHORTCUTS)[number]['action']

/** Keys this hook handles; Enter and Esc belong to the focused row and to the open dialog. */
const KEY_ACTIONS: Record<string, ShortcutAction> = {
  '/': 'search',
  j: 'next',
  k: 'previous',
  '[': 'previousPage',
  ']': 'nextPage',
  '?': 'help',
}

/** Typing in a field, or working inside a dialog, menu or popover: not ours. */
export function isTypingOrInOverlay(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
    return true
  return !!target.closest('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]')
}

/**
 * Calls `onAction` for the list's single-key shortcuts. Never while typing in a field, inside an
 * overlay, with a modifier held (browser and OS shortcuts), or while `enabled` is false (the
 * drawer is open: it has its own j/k).
 */
export function useListShortcuts(enabled: boolean, onAction: (action: ShortcutAction) => void) {
  const latest = useRef(onAction)
  useEffect(() => {
    latest.current = onAction
  })
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      const action = KEY_ACTIONS[event.key]
      if (!action || event.isComposing || isTypingOrInOverlay(event.target)) return
      event.preventDefault()
      latest.current(action)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
