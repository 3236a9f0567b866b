import { HistoryIcon, Link2OffIcon, RotateCwIcon } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaleReason } from '@contract/api'
import { errorCopy } from '@/components/layout/error-copy'
import { NoticeBanner } from '@/components/layout/notice-banner'
import { Button } from '@/components/ui/button'
import { useNow } from '@/hooks/use-now'
import { formatRelative } from '@/lib/format'
import { cn } from '@/lib/utils'
import { staleReasonError } from './connection-state'
import type { DroppedParam } from './search/dashboard-search'

/** Link parameters that were invalid and ignored, named with their values (design.md §6). */
export function DroppedParamsNotice({ dropped }: { dropped: readonly DroppedParam[] }) {
  const { t } = useTranslation('images')
  const [open, setOpen] = useState(dropped.length > 0)
  if (!open) return null
  return (
    <NoticeBanner
      icon={Link2OffIcon}
      tone="warning"
      onDismiss={() => setOpen(false)}
      data-testid="dropped-params"
    >
      {t('notice.dropped')}{' '}
      {dropped.map(({ param, value }, i) => (
        <span key={`${param}=${value}`}>
          {i > 0 && ', '}
          <code className="rounded bg-foreground/8 px-1 font-mono text-xs break-all">
            {param}={value}
          </code>
        </span>
      ))}
    </NoticeBanner>
  )
}

/**
 * The proxy served its last good list because the refresh failed: since when, why (the proxy's
 * `staleReason`: the error in words and its sender's message), and Retry (a `fresh=1` refresh).
 */
export function StaleNotice({
  fetchedAt,
  reason,
  onRetry,
  retrying = false,
}: {
  fetchedAt: number
  reason?: StaleReason
  onRetry?: () => void
  retrying?: boolean
}) {
  const { t, i18n } = useTranslation(['images', 'errors'])
  const now = useNow(10_000)
  // At least a second old: "Showing data from now" would read as if nothing were wrong.
  const age = formatRelative(Math.min(fetchedAt, now - 1000) / 1000, i18n.language, now)
  const copy = reason && errorCopy(staleReasonError(reason))
  return (
    <NoticeBanner icon={HistoryIcon} tone="warning" data-testid="stale-notice">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <div className="min-w-0 flex-1 basis-64">
          <p>{t('notice.stale', { age })}</p>
          {copy && (
            <p
              className="mt-0.5 text-xs break-words text-muted-foreground"
              data-testid="stale-reason"
            >
              <span className="font-medium text-foreground">
                {t('errors:stale.why', {
                  ago: formatRelative(Math.min(reason.failedAt, now) / 1000, i18n.language, now),
                  headline: t(copy.headline, { ns: 'errors' }),
                })}
              </span>
              {' — '}
              <q>{copy.message}</q>
            </p>
          )}
        </div>
        {onRetry && (
          <Button
            variant="outline"
            size="sm"
            className="-my-0.5 bg-background/60"
            onClick={onRetry}
            disabled={retrying}
          >
            <RotateCwIcon className={cn(retrying && 'animate-spin')} aria-hidden />
            {t('common:actions.retry')}
          </Button>
        )}
      </div>
    </NoticeBanner>
  )
}
