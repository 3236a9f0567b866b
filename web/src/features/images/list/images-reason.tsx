import { createElement, useSyncExternalStore, type ComponentType, type ReactElement } from 'react'
import { cn } from '@/lib/utils'
import { useImagesListView } from './images-list-context'

type Tooltip = ComponentType<{ reason: string; children: ReactElement }>

/**
 * The tooltip is a chunk of its own (Radix's positioning code stays off the first load), asked for
 * when the first reason mounts. Reasons show as plain text until it is in, then every one gains
 * its tooltip. Not `lazy()` + Suspense: a row that suspends makes React render the whole new page
 * of rows twice (once to find the suspension, once when the chunk is in), which put ~400 ms
 * between the answer and the rows on screen (issue 9's keystroke → rows guard, bench/browser.ts).
 */
let loaded: Tooltip | undefined
let loading: Promise<void> | undefined
const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  loading ??= import('./images-reason-tooltip').then(
    (module) => {
      loaded = module.ReasonTooltip
      for (const notify of listeners) notify()
    },
    // Offline or a stale deployment: the reasons stay plain text, their full text in `title`.
    () => undefined,
  )
  return () => listeners.delete(listener)
}

const useTooltipLoaded = () => useSyncExternalStore(subscribe, () => loaded !== undefined)

/**
 * A failure reason under the status: one line, or two when the list is about failures
 * (`failed=1`, `reason=`) or on a phone's card. The full text shows in a tooltip on hover and on
 * keyboard focus (→ from the row reaches it).
 */
export function ReasonText({ reason, wrap }: { reason: string; wrap?: boolean }) {
  const { wrapReasons } = useImagesListView()
  const tooltip = useTooltipLoaded()
  const twoLines = wrap ?? wrapReasons
  const text = (
    <span
      tabIndex={-1}
      data-row-control=""
      data-testid="failure-reason"
      title={tooltip ? undefined : reason}
      className={cn(
        'block max-w-full rounded-sm text-xs break-words text-destructive outline-none focus-visible:ring-2 focus-visible:ring-ring',
        twoLines ? 'line-clamp-2' : 'truncate',
      )}
    >
      {reason}
    </span>
  )
  return tooltip ? createElement(loaded!, { reason, children: text }) : text
}
