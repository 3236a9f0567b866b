import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { cn } from '@/lib/utils'
import type { Connection } from './connection-state'

/**
 * The headline of the error behind a stale or failed list, '' until its words are there: the
 * error copy and the `errors` strings load only once there is an error (they are not part of
 * the first load; the error view and the notices read them too).
 */
function useReasonHeadline(reason: unknown): string {
  const { t, i18n } = useTranslation('images')
  const [copy, setCopy] = useState<typeof import('@/components/layout/error-copy')>()
  const wanted = reason !== undefined
  useEffect(() => {
    if (!wanted) return
    let current = true
    void Promise.all([
      import('@/components/layout/error-copy'),
      i18n.loadNamespaces('errors'),
    ]).then(([module]) => {
      if (current) setCopy(module)
    })
    return () => {
      current = false
    }
  }, [wanted, i18n])
  return wanted && copy ? t(copy.errorCopy(reason).headline, { ns: 'errors' }) : ''
}

/**
 * The header's status dot: blue and pulsing while the list refreshes itself, green when up to
 * date, amber when older data is kept after a failed refresh, red when nothing could be loaded.
 * Its label (also the tooltip) says why; the stale banner and the error view say it in full.
 */
export function ConnectionDot({ connection, live }: { connection: Connection; live: boolean }) {
  const { t } = useTranslation('images')
  const reason = useReasonHeadline(
    connection.state === 'stale' || connection.state === 'failed' ? connection.reason : undefined,
  )
  if (connection.state === 'loading') return null
  const label =
    connection.state === 'ok'
      ? live
        ? t('notice.live')
        : t('connection.ok')
      : reason
        ? t(`connection.${connection.state}`, { reason })
        : t(`connection.${connection.state}NoReason`)
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
