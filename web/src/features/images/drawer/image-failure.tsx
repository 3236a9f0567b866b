import { ChevronDown, ChevronUp, Lightbulb, OctagonX } from 'lucide-react'
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import { Callout, CalloutTitle } from '@/components/ui/callout'
import { cn } from '@/lib/utils'
import { CopyButton } from './image-drawer-copy'
import { MalformedValue, type FieldRead } from './image-drawer-values'
import { failureSummary, hasMoreThanSummary } from './failure-summary'

/** Past this many lines (or characters) the full text starts folded to a bounded block. */
const FOLD_LINES = 8
const FOLD_CHARS = 600

/** A failure hint as `/api/failures` gives it (design.md §4), when one is known. */
export interface FailureHint {
  text: string
  docsUrl?: string | null
}

function FullText({ reason }: { reason: string }) {
  const { t } = useTranslation('detail')
  const id = useId()
  const block = useRef<HTMLPreElement>(null)
  const [expanded, setExpanded] = useState(false)
  // Long by its text, or by its wrapped height on a narrow screen (measured once laid out).
  const long = reason.split('\n').length > FOLD_LINES || reason.length > FOLD_CHARS
  const [overflows, setOverflows] = useState(false)
  useLayoutEffect(() => {
    const el = block.current
    if (el && !expanded) setOverflows(el.scrollHeight > el.clientHeight + 1)
  }, [reason, expanded])
  const foldable = long || overflows
  const folded = foldable && !expanded
  return (
    <div className="mt-1 flex flex-col items-start gap-1">
      <pre
        id={id}
        ref={block}
        // A scrollable region is reachable by keyboard (axe: scrollable-region-focusable).
        tabIndex={folded ? 0 : undefined}
        aria-label={t('failed.full')}
        data-testid="failure-full-text"
        className={cn(
          'w-full overflow-auto rounded-md border border-destructive/20 bg-background/70 p-3 font-mono text-xs leading-relaxed [overflow-wrap:anywhere] whitespace-pre-wrap text-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring',
          !expanded && 'max-h-40',
        )}
      >
        {reason}
      </pre>
      {foldable && (
        <Button
          variant="ghost"
          size="sm"
          className="-ml-2 h-7 px-2 text-xs"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? <ChevronUp aria-hidden /> : <ChevronDown aria-hidden />}
          {expanded ? t('failed.showLess') : t('failed.showAll')}
        </Button>
      )}
    </div>
  )
}

function HintLine({ hint }: { hint: FailureHint }) {
  const { t } = useTranslation('detail')
  return (
    <div
      className="mt-1 flex items-start gap-2 rounded-md bg-background/70 px-3 py-2 text-sm"
      data-testid="failure-hint"
    >
      <Lightbulb className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
      <div className="flex min-w-0 flex-col gap-0.5">
        <p className="text-xs font-semibold text-muted-foreground">{t('failed.hintLabel')}</p>
        <p className="[overflow-wrap:anywhere]">
          {hint.text}
          {hint.docsUrl && (
            <>
              {' '}
              <a
                href={hint.docsUrl}
                target="_blank"
                rel="noreferrer noopener"
                className="font-medium whitespace-nowrap text-primary underline underline-offset-2"
              >
                {t('failed.docs')}
                <span className="sr-only"> {t('readme.newTab')}</span>
              </a>
            </>
          )}
        </p>
      </div>
    </div>
  )
}

/**
 * Why the build failed: the line that says what went wrong, a remediation when one is known, and
 * the full text (bounded, with "Show all") to copy into a report. Shown once, above the tabs.
 */
export function FailureCallout({
  reason,
  hint,
  footer,
}: {
  reason: Exclude<FieldRead<string>, { state: 'empty' }>
  hint?: FailureHint | null
  footer?: ReactNode
}) {
  const { t } = useTranslation('detail')
  const text = reason.state === 'ok' ? reason.value : null
  const summary = text === null ? null : failureSummary(text)
  return (
    <Callout
      tone="danger"
      icon={<OctagonX aria-hidden />}
      className="border-2"
      data-testid="failure-callout"
    >
      <div className="flex items-start justify-between gap-2">
        <CalloutTitle className="text-base text-destructive">{t('failed.title')}</CalloutTitle>
        {text !== null && (
          <CopyButton text={text} label={t('copy.reason')} className="-mt-1.5 -mr-1.5 size-7" />
        )}
      </div>
      {text === null ? (
        <MalformedValue raw={reason.state === 'malformed' ? reason.raw : null} />
      ) : (
        <>
          <p
            className="text-sm leading-snug font-medium [overflow-wrap:anywhere]"
            data-testid="failure-summary"
          >
            {summary}
          </p>
          {hint && <HintLine hint={hint} />}
          {hasMoreThanSummary(text) && <FullText reason={text} />}
        </>
      )}
      {footer}
    </Callout>
  )
}
