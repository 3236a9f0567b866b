import { HistoryIcon, Link2OffIcon } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NoticeBanner } from '@/components/layout/notice-banner'
import { useNow } from '@/hooks/use-now'
import { formatRelative } from '@/lib/format'
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

/** The proxy served its last good list because the refresh failed. */
export function StaleNotice({ fetchedAt }: { fetchedAt: number }) {
  const { t, i18n } = useTranslation('images')
  const now = useNow(10_000)
  const age = formatRelative(Math.min(fetchedAt, now) / 1000, i18n.language, now)
  return (
    <NoticeBanner icon={HistoryIcon} tone="warning" data-testid="stale-notice">
      {t('notice.stale', { age })}
    </NoticeBanner>
  )
}
