import { CopyIcon, RotateCwIcon, TriangleAlertIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { notify } from '@/lib/notify'
import { isApiError } from '@/api/client'
import { Button } from '@/components/ui/button'
import { copyText } from '@/lib/clipboard'
import { cn } from '@/lib/utils'

/** The proxy's error, in full: code, message, RetCode and a copyable request id, with Retry. */
export function ErrorView({
  error,
  onRetry,
  retrying = false,
  className,
}: {
  error: unknown
  onRetry?: () => void
  retrying?: boolean
  className?: string
}) {
  const { t } = useTranslation()
  const api = isApiError(error) ? error : undefined
  const message = error instanceof Error ? error.message : String(error)
  const hintKey = api ? `error.hint.${api.code}` : undefined
  const hint = hintKey && t(hintKey, { defaultValue: '' })

  const copyRequestId = async () => {
    if (!api?.requestId) return
    try {
      await copyText(api.requestId)
      notify.success(t('error.requestIdCopied'))
    } catch {
      notify.error(t('actions.copyFailed'))
    }
  }

  return (
    <div
      role="alert"
      data-testid="error-view"
      className={cn(
        'mx-auto flex w-full max-w-xl flex-col gap-4 rounded-xl border bg-card p-6',
        className,
      )}
    >
      <div className="flex items-start gap-3">
        <div className="flex size-9 shrink-0 items-center justify-center rounded-full bg-destructive/10">
          <TriangleAlertIcon className="size-5 text-destructive" aria-hidden />
        </div>
        <div className="min-w-0 flex-1">
          <h2 className="text-base font-semibold">
            {api ? t('error.title') : t('error.unexpected')}
          </h2>
          <p className="mt-1 text-sm break-words">{message}</p>
          {hint && <p className="mt-1 text-sm text-muted-foreground">{hint}</p>}
        </div>
      </div>
      {api && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-lg bg-muted px-4 py-3 text-sm">
          <dt className="text-muted-foreground">{t('error.code')}</dt>
          <dd className="font-mono">{api.code}</dd>
          {api.status > 0 && (
            <>
              <dt className="text-muted-foreground">{t('error.status')}</dt>
              <dd className="font-mono">{api.status}</dd>
            </>
          )}
          {api.retCode !== undefined && (
            <>
              <dt className="text-muted-foreground">{t('error.retCode')}</dt>
              <dd className="font-mono">{api.retCode}</dd>
            </>
          )}
          {api.requestId && (
            <>
              <dt className="self-center text-muted-foreground">{t('error.requestId')}</dt>
              <dd className="flex min-w-0 items-center gap-1">
                <code className="truncate font-mono text-xs select-all">{api.requestId}</code>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="size-7"
                  onClick={copyRequestId}
                  aria-label={t('error.copyRequestId')}
                  title={t('error.copyRequestId')}
                >
                  <CopyIcon aria-hidden />
                </Button>
              </dd>
            </>
          )}
        </dl>
      )}
      {onRetry && (
        <div>
          <Button onClick={onRetry} disabled={retrying}>
            <RotateCwIcon className={cn(retrying && 'animate-spin')} aria-hidden />
            {t('actions.retry')}
          </Button>
        </div>
      )}
    </div>
  )
}
