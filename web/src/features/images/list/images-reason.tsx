import { Tooltip } from 'radix-ui'
import { cn } from '@/lib/utils'
import { useImagesListView } from './images-list-context'

/**
 * A failure reason under the status: one line, or two when the list is about failures
 * (`failed=1`, `reason=`). The full text shows on hover and on keyboard focus (→ from the row
 * reaches it); Radix Tooltip gives it `aria-describedby`, Escape and the pointer grace area.
 */
export function ReasonText({ reason, wrap }: { reason: string; wrap?: boolean }) {
  const { wrapReasons } = useImagesListView()
  const twoLines = wrap ?? wrapReasons
  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
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
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side="bottom"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-h-[min(24rem,60vh)] max-w-[min(36rem,calc(100vw-1rem))] overflow-auto rounded-md border bg-card px-3 py-2 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap text-card-foreground shadow-md"
          >
            {reason}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  )
}
