import { useSyncExternalStore, type ComponentProps, type ComponentType } from 'react'
import { afterFirstRows } from '@/lib/first-rows'
import { Button } from './button'

/**
 * A component with a Radix menu or popover inside, loaded apart from the first load: Radix's
 * popper, focus and dismiss code would add ~20 KB brotli to it. The chunk is asked for once the
 * page's first rows are on screen (lib/first-rows.ts); until it arrives `Fallback` (its trigger,
 * disabled) holds its place.
 * Not React.lazy + Suspense: inside the page's useDeferredValue render a pending lazy component
 * suspends that render, so the rows would wait for the menus' chunk.
 */
export function lazyMenu<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback: ComponentType<P>,
) {
  let loaded: ComponentType<P> | undefined
  let pending: Promise<void> | undefined
  const listeners = new Set<() => void>()
  const subscribe = (onLoad: () => void) => {
    listeners.add(onLoad)
    pending ??= afterFirstRows()
      .then(load)
      .then((component) => {
        loaded = component
        for (const listener of listeners) listener()
      })
    return () => void listeners.delete(onLoad)
  }
  const getLoaded = () => loaded
  return function LazyMenu(props: P) {
    const Component = useSyncExternalStore(subscribe, getLoaded, getLoaded)
    return Component ? <Component {...props} /> : <Fallback {...props} />
  }
}

/** A trigger that cannot open yet: the same button, disabled, so nothing clicks into the void. */
export function PendingTrigger(props: ComponentProps<typeof Button>) {
  return <Button aria-busy {...props} disabled />
}
