import type { ComponentProps, ReactNode } from 'react'
import type * as Impl from './dropdown-menu-impl'
import { lazyPrimitive, preloadWhenIdle } from './lazy-primitive'

const lazy = lazyPrimitive(() => import('./dropdown-menu-impl'), 'menu')
export const loadDropdownMenu = lazy.load
preloadWhenIdle(lazy.load)

/** Radix DropdownMenu, loaded on first use (see lazy-primitive.tsx); the API is the same. */
export function DropdownMenu({ children, ...props }: ComponentProps<typeof Impl.DropdownMenu>) {
  return (
    <lazy.LazyRoot
      onOpenChange={props.onOpenChange}
      render={(m, { defaultOpen, children }) => (
        <m.DropdownMenu defaultOpen={defaultOpen} {...props}>
          {children}
        </m.DropdownMenu>
      )}
    >
      {children}
    </lazy.LazyRoot>
  )
}

export function DropdownMenuTrigger(props: ComponentProps<typeof Impl.DropdownMenuTrigger>) {
  const m = lazy.useModule()
  if (m) return <m.DropdownMenuTrigger {...props} />
  return <lazy.PlaceholderTrigger>{props.children as ReactNode}</lazy.PlaceholderTrigger>
}

// Everything below renders only inside the content, i.e. once the chunk has loaded.
function part<K extends keyof typeof Impl>(name: K) {
  return function Part(props: ComponentProps<(typeof Impl)[K]>) {
    const m = lazy.useModule()
    if (!m) return null
    const Component = m[name] as unknown as (p: object) => ReactNode
    return <Component {...(props as object)} />
  }
}

export const DropdownMenuContent = part('DropdownMenuContent')
export const DropdownMenuGroup = part('DropdownMenuGroup')
export const DropdownMenuRadioGroup = part('DropdownMenuRadioGroup')
export const DropdownMenuItem = part('DropdownMenuItem')
export const DropdownMenuCheckboxItem = part('DropdownMenuCheckboxItem')
export const DropdownMenuRadioItem = part('DropdownMenuRadioItem')
export const DropdownMenuLabel = part('DropdownMenuLabel')
export const DropdownMenuSeparator = part('DropdownMenuSeparator')
