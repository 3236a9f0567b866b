import { Tooltip } from 'radix-ui'
import type { ReactElement } from 'react'

/**
 * The full reason on hover and on keyboard focus of `children` (Radix Tooltip: it describes the
 * trigger, closes on Escape and keeps a pointer grace area). Its own chunk: Radix's positioning
 * code stays off the first load.
 */
export function ReasonTooltip({ reason, children }: { reason: string; children: ReactElement }) {
  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
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
