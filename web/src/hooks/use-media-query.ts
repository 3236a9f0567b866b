import { useCallback, useSyncExternalStore } from 'react'

// One MediaQueryList per query, read live: React reads the snapshot on every render of the list,
// and a new matchMedia() each time showed up in the keystroke → rows profile (issue 9).
const lists = new Map<string, MediaQueryList>()
function listFor(query: string): MediaQueryList | undefined {
  if (typeof window.matchMedia !== 'function') return undefined
  let list = lists.get(query)
  if (!list) lists.set(query, (list = window.matchMedia(query)))
  return list
}

/** Tailwind's `sm` breakpoint from below: a phone held upright. */
export const PHONE = '(max-width: 639.98px)'

/** Whether a CSS media query matches, following changes (false where matchMedia is missing). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = listFor(query)
      list?.addEventListener('change', onChange)
      return () => list?.removeEventListener('change', onChange)
    },
    [query],
  )
  return useSyncExternalStore(
    subscribe,
    () => listFor(query)?.matches ?? false,
    () => false,
  )
}
