import { CircleX, RotateCw, SearchX } from 'lucide-react'
import { Component, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/api/client'
import { Button } from '@/components/ui/button'
import { Callout, CalloutDescription, CalloutTitle } from '@/components/ui/callout'
import { cn } from '@/lib/utils'

export function Skeleton({ className }: { className?: string }) {
  return (
    <div aria-hidden className={cn('rounded-md bg-muted motion-safe:animate-pulse', className)} />
  )
}

export function DrawerSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-9 w-80 max-w-full" />
      <div className="grid gap-4 sm:grid-cols-2">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="flex flex-col gap-1.5">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="h-5 w-40 max-w-full" />
          </div>
        ))}
      </div>
      <Skeleton className="h-24 w-full" />
    </div>
  )
}

export function EmptyState({
  icon,
  title,
  hint,
}: {
  icon: ReactNode
  title: string
  hint?: string
}) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed px-6 py-10 text-center">
      <div className="text-muted-foreground [&_svg]:size-8" aria-hidden>
        {icon}
      </div>
      <p className="font-medium">{title}</p>
      {hint && <p className="max-w-sm text-sm text-muted-foreground">{hint}</p>}
    </div>
  )
}

/** The failed query: ApiError details for a report, 404 as a plain "not found", and Retry. */
export function DrawerError({
  error,
  imageId,
  onRetry,
  title,
}: {
  error: unknown
  imageId: string
  onRetry: () => void
  title?: string
}) {
  const { t } = useTranslation('detail')
  const retry = (
    <Button variant="outline" size="sm" className="mt-2 w-fit" onClick={onRetry}>
      <RotateCw aria-hidden />
      {t('error.retry')}
    </Button>
  )
  if (isApiError(error) && error.status === 404) {
    return (
      <Callout role="alert" tone="warning" icon={<SearchX aria-hidden />}>
        <CalloutTitle>{t('error.notFoundTitle')}</CalloutTitle>
        <CalloutDescription>{t('error.notFoundBody', { id: imageId })}</CalloutDescription>
        {retry}
      </Callout>
    )
  }
  const rows: [string, string | number | undefined][] = isApiError(error)
    ? [
        [t('error.code'), error.code],
        [t('error.message'), error.message],
        [t('error.retCode'), error.retCode],
        [t('error.requestId'), error.requestId],
      ]
    : [[t('error.message'), error instanceof Error ? error.message : String(error)]]
  return (
    <Callout role="alert" tone="danger" icon={<CircleX aria-hidden />}>
      <CalloutTitle>{title ?? t('error.title')}</CalloutTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        {rows
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="font-mono text-xs leading-5 [overflow-wrap:anywhere]">{value}</dd>
            </div>
          ))}
      </dl>
      {retry}
    </Callout>
  )
}

function PanelError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation('detail')
  return (
    <Callout role="alert" tone="danger" icon={<CircleX aria-hidden />}>
      <CalloutTitle>{t('error.panelTitle')}</CalloutTitle>
      <CalloutDescription className="font-mono text-xs">{error.message}</CalloutDescription>
      <Button variant="outline" size="sm" className="mt-2 w-fit" onClick={onRetry}>
        <RotateCw aria-hidden />
        {t('error.panelRetry')}
      </Button>
    </Callout>
  )
}

/** Keeps a broken tab (a readme that throws, odd data) from blanking the drawer (style.md §9). */
export class PanelBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { error: Error | null; resetKey: string }
> {
  state: { error: Error | null; resetKey: string } = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error: Error | null; resetKey: string },
  ) {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey }
  }

  render() {
    if (this.state.error) {
      return <PanelError error={this.state.error} onRetry={() => this.setState({ error: null })} />
    }
    return this.props.children
  }
}
