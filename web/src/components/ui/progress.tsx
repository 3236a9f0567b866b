import { Progress as ProgressPrimitive } from 'radix-ui'
import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'

/**
 * A determinate bar when `value` is a number (0–100), indeterminate when it is null: Radix sets
 * role=progressbar, aria-valuenow (only when known) and data-state.
 */
export function Progress({
  className,
  value,
  ...props
}: Omit<ComponentProps<typeof ProgressPrimitive.Root>, 'value' | 'max'> & {
  value: number | null
}) {
  const known = typeof value === 'number' && Number.isFinite(value)
  const clamped = known ? Math.min(100, Math.max(0, value)) : null
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={clamped}
      max={100}
      className={cn('relative h-2 w-full overflow-hidden rounded-full bg-primary/15', className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn(
          'h-full rounded-full bg-primary transition-[width] duration-500 motion-reduce:transition-none',
          clamped === null && 'w-2/5 motion-safe:animate-pulse',
        )}
        style={clamped === null ? undefined : { width: `${clamped}%` }}
      />
    </ProgressPrimitive.Root>
  )
}
