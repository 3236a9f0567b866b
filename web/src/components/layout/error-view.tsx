import { CopyIcon, FolderXIcon, RotateCwIcon, TriangleAlertIcon } from 'lucide-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { notify } from '@/lib/notify'
import { Button } from '@/components/ui/button'
import { copyText } from '@/lib/clipboard'
import { cn } from '@/lib/utils'
import { errorCopy, isUnknownProjectError, type ErrorDetail } from './error-copy'

/**
 * The proxy's error, in full: a headline in the user's language, the sender's own message beneath
 * it (labelled), then the proxy's and the API's statuses apart, with Retry (see error-copy.ts).
 */
export function ErrorView({
  error,
  onRetry,
  retrying = false,
  onUseDefaultProject,
  className,
}: {
  error: unknown
  onRetry?: () => void
  retrying?: boolean
  /** Offered when the API does not know the project: leaves `project=` out and asks again. */
  onUseDefaultProject?: () => void
  className?: string
}) {
  const { t } = useTranslation('errors')
  const headingId = useId()
  const copy = errorCopy(error)
  const hint = t(copy.hint, { defaultValue: '' })
  const offerDefaultProject = onUseDefaultProject && isUnknownProjectError(error)

  return (
    <div
      role="alert"
      aria-labelledby={headingId}
      data-testid="error-view"
      className={cn(
        'mx-auto flex w-full max-w-xl min-w-0 flex-col gap-4 rounded-xl border bg-card p-4 sm:p-6',
        className,
      )}
    >
      <div className="flex items-start gap-3">
        <div className="flex size-9 shrink-0 items-center justify-center rounded-full bg-destructive/10 max-sm:hidden">
          <TriangleAlertIcon className="size-5 text-destructive" aria-hidden />
        </div>
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="flex items-start gap-2 text-base font-semibold">
            {/* A phone gives the text the icon's column. */}
            <TriangleAlertIcon
              className="mt-0.5 size-5 shrink-0 text-destructive sm:hidden"
              aria-hidden
            />
            <span className="min-w-0 flex-1 text-balance">{t(copy.headline)}</span>
          </h2>
          {copy.message && (
            <figure className="mt-2" data-testid="error-message">
              <figcaption className="text-xs text-muted-foreground">
                {t(`from.${copy.source}`)}
              </figcaption>
              {/* Verbatim, in whatever language its sender wrote it. */}
              <blockquote className="mt-0.5 border-l-2 border-destructive/40 pl-2 text-sm break-words">
                {copy.message}
              </blockquote>
            </figure>
          )}
          {hint && <p className="mt-2 text-sm text-muted-foreground">{hint}</p>}
        </div>
      </div>
      {copy.details.length > 0 && (
        // A phone stacks each label over its value: side by side, a code like
        // UPSTREAM_UNAVAILABLE would break mid-word.
        <dl className="grid grid-cols-1 rounded-lg bg-muted px-4 py-3 text-sm sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-x-4 sm:gap-y-1.5 max-sm:[&>dd]:mb-2 max-sm:[&>dd:last-child]:mb-0 max-sm:[&>dt]:text-xs">
          {copy.details.map((row) => (
            <DetailRow key={row.labelKey} row={row} />
          ))}
        </dl>
      )}
      {(onRetry || offerDefaultProject) && (
        <div className="flex flex-wrap gap-2">
          {onRetry && (
            <Button onClick={onRetry} disabled={retrying}>
              <RotateCwIcon className={cn(retrying && 'animate-spin')} aria-hidden />
              {t('common:actions.retry')}
            </Button>
          )}
          {offerDefaultProject && (
            <Button variant="outline" onClick={onUseDefaultProject}>
              <FolderXIcon aria-hidden />
              {t('useDefaultProject')}
            </Button>
          )}
        </div>
      )}
    </div>
  )
}

function DetailRow({ row }: { row: ErrorDetail }) {
  const { t } = useTranslation('errors')
  const label = <dt className="self-center text-muted-foreground">{t(row.labelKey)}</dt>
  if ('valueKey' in row) {
    return (
      <>
        {label}
        <dd>{t(row.valueKey, row.values)}</dd>
      </>
    )
  }
  if (!row.copy) {
    return (
      <>
        {label}
        <dd className={cn(row.mono && 'font-mono break-all')}>{row.value}</dd>
      </>
    )
  }
  return (
    <>
      {label}
      <dd className="flex min-w-0 items-center gap-1">
        <code className="truncate font-mono text-xs select-all">{row.value}</code>
        <CopyButton value={row.value} />
      </dd>
    </>
  )
}

function CopyButton({ value }: { value: string }) {
  const { t } = useTranslation()
  const copy = async () => {
    try {
      await copyText(value)
      notify.success(t('error.requestIdCopied'))
    } catch {
      notify.error(t('actions.copyFailed'))
    }
  }
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      className="size-7"
      onClick={copy}
      aria-label={t('error.copyRequestId')}
      title={t('error.copyRequestId')}
    >
      <CopyIcon aria-hidden />
    </Button>
  )
}
