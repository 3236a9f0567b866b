import { Toggle as TogglePrimitive } from 'radix-ui'
import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'
import { buttonVariants } from './button'

/** A pressed/unpressed button (aria-pressed), styled like an outline button. */
export function Toggle({ className, ...props }: ComponentProps<typeof TogglePrimitive.Root>) {
  return (
    <TogglePrimitive.Root
      data-slot="toggle"
      className={cn(
        buttonVariants({ variant: 'outline', size: 'sm' }),
        'border-dashed data-[state=on]:border-solid data-[state=on]:border-primary/50 data-[state=on]:bg-primary/10 data-[state=on]:text-primary',
        className,
      )}
      {...props}
    />
  )
}
