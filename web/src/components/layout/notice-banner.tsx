import { cva, type VariantProps } from 'class-variance-authority'
import { XIcon, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cn } from '@/lib/utils'

const bannerVariants = cva(
  'flex items-start gap-2.5 rounded-lg border px-3 py-2 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0',
  {
    variants: {
      tone: {
        info: 'border-info/30 bg-info/10 [&>svg]:text-info',
        warning: 'border-warning/40 bg-warning/10 [&>svg]:text-warning',
        danger: 'border-destructive/30 bg-destructive/10 [&>svg]:text-destructive',
      },
    },
    defaultVariants: { tone: 'info' },
  },
)

/** An inline, optionally dismissible notice (role=status: announced without stealing focus). */
export function NoticeBanner({
  icon: Icon,
  tone,
  children,
  onDismiss,
  className,
  ...props
}: VariantProps<typeof bannerVariants> & {
  icon: LucideIcon
  children: ReactNode
  onDismiss?: () => void
  className?: string
  'data-testid'?: string
}) {
  const { t } = useTranslation()
  return (
    <div role="status" className={cn(bannerVariants({ tone }), className)} {...props}>
      <Icon aria-hidden />
      <div className="min-w-0 flex-1">{children}</div>
      {onDismiss && (
        <button
          type="button"
          onClick={onDismiss}
          aria-label={t('actions.dismiss')}
          title={t('actions.dismiss')}
          className="-my-0.5 -mr-1 inline-flex size-6 shrink-0 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-foreground/10 hover:text-foreground"
        >
          <XIcon className="size-4" aria-hidden />
        </button>
      )}
    </div>
  )
}
