import { Slot } from 'radix-ui'
import {
  createContext,
  use,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactNode,
} from 'react'

/**
 * A Radix primitive whose code loads on first use (or when the browser is idle), so it stays
 * out of the initial bundle. Until then its trigger renders as itself with the same ARIA
 * (`aria-haspopup`, `aria-expanded="false"`); pointer/focus preloads, activating it opens the
 * real primitive as soon as the chunk arrives.
 */
export function lazyPrimitive<M>(loader: () => Promise<M>, haspopup: 'menu' | 'dialog') {
  let mod: M | undefined
  let pending: Promise<M> | undefined
  const listeners = new Set<() => void>()
  const load = () => {
    pending ??= loader().then((m) => {
      mod = m
      for (const listener of listeners) listener()
      return m
    })
    return pending
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const useModule = () => useSyncExternalStore(subscribe, () => mod)
  const OpenOnLoad = createContext<(() => void) | null>(null)

  /** The root: the real one once loaded, opened at once if the user asked for it before. */
  function LazyRoot({
    render,
    children,
    onOpenChange,
  }: {
    render: (m: M, props: { defaultOpen: boolean; children: ReactNode }) => ReactNode
    children: ReactNode
    onOpenChange?: (open: boolean) => void
  }) {
    const m = useModule()
    const [openOnLoad, setOpenOnLoad] = useState(false)
    if (m) return render(m, { defaultOpen: openOnLoad, children })
    const request = () => {
      setOpenOnLoad(true)
      onOpenChange?.(true)
      void load()
    }
    return <OpenOnLoad value={request}>{children}</OpenOnLoad>
  }

  /** The trigger before the chunk: the same element, closed, that asks for the real one. */
  function PlaceholderTrigger({ children }: { children: ReactNode }) {
    const request = use(OpenOnLoad)
    const openKeys = haspopup === 'menu' ? ['Enter', ' ', 'ArrowDown'] : ['Enter', ' ']
    return (
      <Slot.Root
        aria-haspopup={haspopup}
        aria-expanded={false}
        data-state="closed"
        onPointerEnter={() => void load()}
        onFocus={() => void load()}
        onClick={() => request?.()}
        onKeyDown={(event: KeyboardEvent) => {
          if (!openKeys.includes(event.key)) return
          event.preventDefault()
          request?.()
        }}
      >
        {children}
      </Slot.Root>
    )
  }

  return { load, useModule, LazyRoot, PlaceholderTrigger }
}

/** Loads every lazy primitive once the page has settled, so the first open is instant. */
export function preloadWhenIdle(load: () => Promise<unknown>) {
  if (typeof window === 'undefined') return
  const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500))
  idle(() => void load())
}
