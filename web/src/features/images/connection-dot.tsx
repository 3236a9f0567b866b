import { useTranslation } from 'react-i18next'
import { errorCopy } from '@/components/layout/error-copy'
import { cn } from '@/lib/utils'
import type { Connection } from './connection-state'

/**
 * The header's status dot: blue and pulsing while the list refreshes itself, green when up to
 * date, amber when older data is kept after a failed refresh, red when nothing could be loaded.
 * Its label (also the tooltip) says why; the stale banner and the error view say it in full.
 */
export function ConnectionDot({ connection, live }: { connection: Connection; live: boolean }) {
  const { t } = useTranslation('errors')
  if (connection.state === 'loading') return null
  const reason =
    connection.state === 'ok' || connection.reason === undefined
      ? ''
      : t(errorCopy(connection.reason).headline)
  const label =
    connection.state === 'ok'
      ? live
        ? t('images:notice.live')
        : t('connection.ok')
      : reason
        ? t(`connection.${connection.state}`, { reason })
        : t('connection.staleNoReason')
  return (
    <span
      className="relative inline-flex size-2 shrink-0"
      role="img"
      aria-label={label}
      title={label}
      data-testid="connection-dot"
      data-state={connection.state}
    >
      {connection.state === 'ok' && live && (
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-info opacity-60 motion-reduce:animate-none" />
      )}
      <span
        className={cn('relative inline-flex size-2 rounded-full', connectionTone(connection, live))}
      />
    </span>
  )
}

/** The dot's colour: also the phone's zone button corner, where the folded dot's warning shows. */
export function connectionTone(connection: Connection, live: boolean): string {
  if (connection.state === 'failed') return 'bg-destructive'
  if (connection.state === 'stale') return 'bg-warning'
  return live ? 'bg-info' : 'bg-success'
}
