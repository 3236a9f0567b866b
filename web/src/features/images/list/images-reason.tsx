import { lazy, Suspense } from 'react'
import { cn } from '@/lib/utils'
import { useImagesListView } from './images-list-context'

const ReasonTooltip = lazy(() =>
  import('./images-reason-tooltip').then((m) => ({ default: m.ReasonTooltip })),
)

/**
 * A failure reason under the status: one line, or two when the list is about failures
 * (`failed=1`, `reason=`) or on a phone's card. The full text shows in a tooltip on hover and on
 * keyboard focus (→ from the row reaches it).
 */
export function ReasonText({ reason, wrap }: { reason: string; wrap?: boolean }) {
  const { wrapReasons } = useImagesListView()
  const twoLines = wrap ?? wrapReasons
  const text = (
    <span
      tabIndex={-1}
      data-row-control=""
      data-testid="failure-reason"
      className={cn(
        'block max-w-full rounded-sm text-xs break-words text-destructive outline-none focus-visible:ring-2 focus-visible:ring-ring',
        twoLines ? 'line-clamp-2' : 'truncate',
      )}
    >
      {reason}
    </span>
  )
  return (
    <Suspense fallback={text}>
      <ReasonTooltip reason={reason}>{text}</ReasonTooltip>
    </Suspense>
  )
}
