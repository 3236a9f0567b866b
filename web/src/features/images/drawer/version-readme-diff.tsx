import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImageDetail } from '@contract/api'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/utils'
import { diffStats, readmeDiff, type DiffRow } from './readme-diff'

const ROW_TONE = {
  same: '',
  added: 'bg-success/10 text-foreground',
  removed: 'bg-destructive/10 text-foreground',
} as const
const SIGN = { same: ' ', added: '+', removed: '−' } as const

function Line({ row }: { row: Exclude<DiffRow, { kind: 'skip' }> }) {
  const { t } = useTranslation('detail')
  return (
    <div className={cn('flex min-w-0', ROW_TONE[row.kind])} data-kind={row.kind}>
      <span
        className={cn(
          'w-6 shrink-0 text-center select-none',
          row.kind === 'added' && 'text-success',
          row.kind === 'removed' && 'text-destructive',
        )}
      >
        <span aria-hidden>{SIGN[row.kind]}</span>
        {row.kind !== 'same' && <span className="sr-only">{t(`compare.${row.kind}`)}</span>}
      </span>
      <span className="min-w-0 flex-1 pr-3 [overflow-wrap:anywhere] whitespace-pre-wrap">
        {row.text || ' '}
      </span>
    </div>
  )
}

/** A unified line diff of two versions' readmes (jsdiff), unchanged runs folded until asked. */
export default function VersionReadmeDiff({
  before,
  after,
}: {
  before: ImageDetail
  after: ImageDetail
}) {
  const { t } = useTranslation('detail')
  const [full, setFull] = useState(false)
  const a = typeof before.Readme === 'string' ? before.Readme : ''
  const b = typeof after.Readme === 'string' ? after.Readme : ''
  const rows = useMemo(() => readmeDiff(a, b, full ? Infinity : 3), [a, b, full])
  const stats = diffStats(rows)

  if (a.trim() === '' && b.trim() === '') {
    return <p className="text-sm text-muted-foreground">{t('compare.noReadmes')}</p>
  }
  if (stats.added === 0 && stats.removed === 0) {
    return <p className="text-sm text-muted-foreground">{t('compare.readmeSame')}</p>
  }
  const truncated = before.readmeTruncated === true || after.readmeTruncated === true
  return (
    <div className="flex flex-col gap-2">
      <p className="flex flex-wrap items-center gap-x-3 text-xs" data-testid="readme-diff-stats">
        <span className="font-medium text-success">
          {t('compare.linesAdded', { count: stats.added })}
        </span>
        <span className="font-medium text-destructive">
          {t('compare.linesRemoved', { count: stats.removed })}
        </span>
        {truncated && <span className="text-muted-foreground">{t('compare.truncated')}</span>}
      </p>
      <div
        tabIndex={0}
        role="group"
        aria-label={t('compare.readmeDiff')}
        data-testid="readme-diff"
        className="max-h-[28rem] overflow-auto rounded-lg border bg-muted/30 py-1 font-mono text-xs leading-relaxed outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        {rows.map((row, index) =>
          row.kind === 'skip' ? (
            <button
              key={index}
              type="button"
              onClick={() => setFull(true)}
              className="my-0.5 block w-full cursor-pointer bg-muted px-3 py-1 text-left font-sans text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              {t('compare.unchangedLines', { count: row.count })}
            </button>
          ) : (
            <Line key={index} row={row} />
          ),
        )}
      </div>
      {full && (
        <Button variant="ghost" size="sm" className="w-fit" onClick={() => setFull(false)}>
          {t('compare.foldUnchanged')}
        </Button>
      )}
    </div>
  )
}
