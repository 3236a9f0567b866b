import { cva, type VariantProps } from 'class-variance-authority'
import type { ComponentProps, ReactNode } from 'react'
import { cn } from '@/lib/utils'

export const calloutVariants = cva(
  'grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 rounded-lg border p-4 text-sm [&>svg]:mt-0.5 [&>svg]:size-5 [&>svg]:shrink-0',
  {
    variants: {
      tone: {
        neutral: 'border-border bg-muted/60 text-foreground [&>svg]:text-muted-foreground',
        info: 'border-info/40 bg-info/10 text-foreground [&>svg]:text-info',
        success: 'border-success/40 bg-success/10 text-foreground [&>svg]:text-success',
        warning: 'border-warning/40 bg-warning/10 text-foreground [&>svg]:text-warning',
        danger: 'border-destructive/50 bg-destructive/10 text-foreground [&>svg]:text-destructive',
      },
    },
    defaultVariants: { tone: 'neutral' },
  },
)

/** A boxed message with a tone and an icon; title and body go in the second column. */
export function Callout({
  className,
  tone,
  icon,
  children,
  ...props
}: ComponentProps<'div'> & VariantProps<typeof calloutVariants> & { icon?: ReactNode }) {
  return (
    <div
      data-slot="callout"
      data-tone={tone ?? 'neutral'}
      className={cn(calloutVariants({ tone }), className)}
      {...props}
    >
      {icon ?? <span aria-hidden />}
      <div className="col-start-2 flex min-w-0 flex-col gap-1">{children}</div>
    </div>
  )
}

export function CalloutTitle({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="callout-title"
      className={cn('leading-5 font-semibold', className)}
      {...props}
    />
  )
}

export function CalloutDescription({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="callout-description"
      className={cn('min-w-0 [overflow-wrap:anywhere] text-foreground/90', className)}
      {...props}
    />
  )
}
