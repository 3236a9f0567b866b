import { LoaderCircle } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { Progress as BuildProgress } from '@contract/api'
import { Progress } from '@/components/ui/progress'
import { formatDuration } from '@/lib/format'
import { useLocale } from './image-drawer-values'

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** The build of a Making image: percent when reported (indeterminate otherwise) and time left. */
export function ImageProgress({ progress }: { progress?: BuildProgress | null }) {
  const { t } = useTranslation('detail')
  const locale = useLocale()
  const raw = finite(progress?.percent)
  const percent = raw === null ? null : Math.round(Math.min(100, Math.max(0, raw)))
  const remaining = finite(progress?.remaining)
  const duration = remaining !== null && remaining > 0 ? formatDuration(remaining, locale) : null

  return (
    <section
      aria-label={t('progress.title')}
      className="flex flex-col gap-2 rounded-lg border border-info/30 bg-info/5 p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
        <span className="inline-flex items-center gap-2 font-medium">
          <LoaderCircle className="size-4 text-info motion-safe:animate-spin" aria-hidden />
          {t('progress.title')}
        </span>
        <span className="text-muted-foreground tabular-nums">
          {percent === null ? t('progress.pending') : t('progress.percent', { percent })}
          {duration && <> · {t('progress.remaining', { duration })}</>}
        </span>
      </div>
      <Progress
        value={percent}
        aria-label={t('progress.label')}
        getValueLabel={(value) => t('progress.percent', { percent: value })}
      />
      <p className="text-xs text-muted-foreground">{t('progress.refresh')}</p>
    </section>
  )
}
