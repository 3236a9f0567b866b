import { ChevronDownIcon } from 'lucide-react'
import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'

/**
 * A styled native <select>: the platform's own listbox (keyboard, screen readers, mobile pickers)
 * at no bundle cost, which matters on the first load.
 */
export function Select({ className, children, ...props }: ComponentProps<'select'>) {
  return (
    <div data-slot="select" className={cn('relative inline-flex min-w-0', className)}>
      <select
        className="h-full w-full min-w-0 cursor-pointer appearance-none truncate rounded-md border border-input bg-card py-0 pr-8 pl-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40 disabled:cursor-not-allowed disabled:opacity-50"
        {...props}
      >
        {children}
      </select>
      <ChevronDownIcon
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden
      />
    </div>
  )
}
