import type { ReactNode } from 'react'
import { cn } from '@/lib/utils'

/** Full-height frame: a header that wraps on narrow screens, then a main area that fills the rest. */
export function AppShell({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col md:h-dvh">
      {header}
      <main
        id="main"
        className="flex min-h-0 flex-1 flex-col gap-2 px-3 pt-2 pb-2 sm:gap-3 sm:px-5 sm:pt-3"
      >
        {children}
      </main>
    </div>
  )
}

export function AppHeader({
  brand,
  children,
  contextClassName,
  end,
}: {
  brand: ReactNode
  /** Context controls (scope, refresh): wrap onto their own line on narrow screens. */
  children?: ReactNode
  /** Classes for the context controls' row (e.g. folded away on a phone until asked for). */
  contextClassName?: string
  /** Personal controls (language, theme): always at the far end. */
  end?: ReactNode
}) {
  return (
    <header className="border-b bg-card">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-2 px-3 py-2.5 sm:gap-x-4 sm:px-5">
        {/* On a phone the brand takes what the end's buttons leave (its scope button truncates),
            so the end never wraps onto a line of its own. */}
        <div className="flex min-w-0 items-center gap-2.5 max-sm:flex-1 max-sm:basis-0">
          {brand}
        </div>
        <div
          className={cn(
            'order-3 -mx-3 flex w-[calc(100%+1.5rem)] items-center gap-2 overflow-x-auto px-3 *:shrink-0 sm:mx-0 sm:w-full sm:flex-wrap sm:overflow-visible sm:px-0 xl:order-none xl:w-auto xl:flex-1',
            contextClassName,
          )}
        >
          {children}
        </div>
        <div className="ml-auto flex items-center gap-0.5 sm:gap-1 xl:ml-0">{end}</div>
      </div>
    </header>
  )
}

export function AppLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={className}>
      <rect width="32" height="32" rx="7" fill="#4f46e5" />
      <rect x="7" y="8" width="18" height="4" rx="1.5" fill="#fff" />
      <rect x="7" y="14" width="18" height="4" rx="1.5" fill="#c7d2fe" />
      <rect x="7" y="20" width="18" height="4" rx="1.5" fill="#a5b4fc" />
    </svg>
  )
}
