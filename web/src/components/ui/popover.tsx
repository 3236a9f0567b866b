import type { ComponentProps, ReactNode } from 'react'
import { lazyPrimitive, preloadWhenIdle } from './lazy-primitive'
import type * as Impl from './popover-impl'

const lazy = lazyPrimitive(() => import('./popover-impl'), 'dialog')
export const loadPopover = lazy.load
preloadWhenIdle(lazy.load)

/** Radix Popover, loaded on first use (see lazy-primitive.tsx); the API is the same. */
export function Popover({ children, ...props }: ComponentProps<typeof Impl.Popover>) {
  return (
    <lazy.LazyRoot
      onOpenChange={props.onOpenChange}
      render={(m, { defaultOpen, children }) => (
        <m.Popover defaultOpen={defaultOpen} {...props}>
          {children}
        </m.Popover>
      )}
    >
      {children}
    </lazy.LazyRoot>
  )
}

export function PopoverTrigger(props: ComponentProps<typeof Impl.PopoverTrigger>) {
  const m = lazy.useModule()
  if (m) return <m.PopoverTrigger {...props} />
  return <lazy.PlaceholderTrigger>{props.children as ReactNode}</lazy.PlaceholderTrigger>
}

export function PopoverContent(props: ComponentProps<typeof Impl.PopoverContent>) {
  const m = lazy.useModule()
  return m ? <m.PopoverContent {...props} /> : null
}
