import { ChevronDownIcon, FlaskConicalIcon, LinkIcon, RadioIcon, RefreshCwIcon } from 'lucide-react'
import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { notify } from '@/lib/notify'
import type { HealthResponse } from '@contract/api'
import { AppHeader, AppLogo } from '@/components/layout/app-shell'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { useNow } from '@/hooks/use-now'
import { copyText } from '@/lib/clipboard'
import { formatDateTime, formatRelative } from '@/lib/format'
import { cn } from '@/lib/utils'
import { ConnectionDot, connectionTone } from './connection-dot'
import type { Connection } from './connection-state'

export function ImagesHeader({
  mode,
  scopeControls,
  scopeLabel,
  fetchedAt,
  refreshing,
  live,
  connection = { state: 'loading' },
  onRefresh,
  personalControls,
  shareLink,
}: {
  mode: HealthResponse['mode'] | undefined
  scopeControls: ReactNode
  /** The list's zone (and project), on the phone's button that unfolds the scope controls. */
  scopeLabel: string
  fetchedAt: number | undefined
  refreshing: boolean
  live: boolean
  /** The status dot: ok, stale after a failed refresh, failed with nothing to show. */
  connection?: Connection
  onRefresh: () => void
  personalControls: ReactNode
  /** The link "Copy link" copies (app.tsx adds the columns' `hide`); else this page's URL. */
  shareLink?: () => string
}) {
  const { t } = useTranslation('images')
  // A phone folds the scope row (zone, project, refresh) behind one button: the list starts higher.
  const [scopeOpen, setScopeOpen] = useState(false)
  const scopeId = useId()

  const copyLink = async () => {
    try {
      await copyText(shareLink?.() ?? window.location.href)
      notify.success(t('header.linkCopied'))
    } catch {
      notify.error(t('common:actions.copyFailed'))
    }
  }

  return (
    <AppHeader
      brand={
        <>
          <AppLogo className="size-7 shrink-0" />
          {/* A phone keeps the header to one line: the logo stands for the name there. */}
          <h1 className="text-base font-semibold tracking-tight max-sm:sr-only">
            {t('common:appName')}
          </h1>
          {mode === 'sandbox' && (
            <Badge tone="warning" title={t('header.sandboxHint')} data-testid="mode-badge">
              <FlaskConicalIcon aria-hidden />
              <span className="hidden sm:inline">{t('header.sandbox')}</span>
              <span className="sr-only sm:hidden">{t('header.sandboxShort')}</span>
            </Badge>
          )}
          {mode === 'live' && (
            <Badge tone="success" title={t('header.liveHint')} data-testid="mode-badge">
              <RadioIcon aria-hidden />
              <span className="max-sm:sr-only">{t('header.live')}</span>
            </Badge>
          )}
          <Button
            variant="outline"
            size="sm"
            className="relative max-w-28 min-w-0 gap-1 px-2 sm:hidden [&_svg]:size-3.5"
            aria-expanded={scopeOpen}
            aria-controls={scopeId}
            aria-label={t('header.scopeToggle', { scope: scopeLabel })}
            title={t('header.scopeToggle', { scope: scopeLabel })}
            onClick={() => setScopeOpen((open) => !open)}
          >
            <span className="truncate">{scopeLabel}</span>
            <ChevronDownIcon
              className={cn('transition-transform', scopeOpen && 'rotate-180')}
              aria-hidden
            />
            {/* The folded status dot's warning shows on the button (the dot itself says why). */}
            {(connection.state === 'stale' || connection.state === 'failed') && (
              <span
                aria-hidden
                data-state={connection.state}
                className={cn(
                  'absolute -top-1 -right-1 size-2.5 rounded-full ring-2 ring-card',
                  connectionTone(connection, live),
                )}
              />
            )}
          </Button>
        </>
      }
      contextClassName={scopeOpen ? 'max-sm:flex-wrap' : 'max-sm:hidden'}
      end={
        <>
          <Button
            variant="ghost"
            size="sm"
            className="max-sm:px-2"
            onClick={copyLink}
            aria-label={t('header.copyLink')}
          >
            <LinkIcon aria-hidden />
            <span className="hidden xl:inline">{t('header.copyLink')}</span>
          </Button>
          {personalControls}
        </>
      }
    >
      <div id={scopeId} className="contents *:shrink-0">
        {scopeControls}
      </div>
      <div className="flex items-center gap-2">
        <Button
          variant="outline"
          size="sm"
          onClick={onRefresh}
          disabled={refreshing}
          aria-label={t('header.refresh')}
        >
          <RefreshCwIcon className={cn(refreshing && 'animate-spin')} aria-hidden />
          <span className="hidden sm:inline">{t('header.refresh')}</span>
        </Button>
        <ConnectionDot connection={connection} live={live} />
        <UpdatedAgo fetchedAt={fetchedAt} />
      </div>
    </AppHeader>
  )
}

function UpdatedAgo({ fetchedAt }: { fetchedAt: number | undefined }) {
  const { t, i18n } = useTranslation('images')
  const now = useNow(1000)
  if (!fetchedAt) return null
  const seconds = fetchedAt / 1000
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs whitespace-nowrap text-muted-foreground"
      data-testid="updated-ago"
    >
      <time
        dateTime={new Date(fetchedAt).toISOString()}
        title={formatDateTime(seconds, i18n.language) ?? undefined}
      >
        {t('header.updated', {
          time: formatRelative(Math.min(seconds, now / 1000), i18n.language, now),
        })}
      </time>
    </span>
  )
}
