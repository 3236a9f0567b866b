import { ChevronLeft, ChevronRight, Link2 } from 'lucide-react'
import { useEffect, useEffectEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import { CopyButton } from './image-drawer-copy'

/** The list's page around the open image: its ordered ids and how to switch the drawer. */
export interface DrawerNeighbours {
  ids: readonly string[]
  onNavigate: (id: string) => void
}

export function neighbourIds(
  ids: readonly string[] | undefined,
  current: string,
): { index: number; previous?: string; next?: string } {
  const index = ids ? ids.indexOf(current) : -1
  if (!ids || index < 0) return { index }
  return { index, previous: ids[index - 1], next: ids[index + 1] }
}

/** Typing in a field, or a menu/listbox that reads letters itself, keeps the key. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  return (
    target.closest(
      'input, textarea, select, [role="listbox"], [role="menu"], [role="combobox"]',
    ) !== null
  )
}

/**
 * `j`/`k` step to the next/previous image while the drawer is open (design.md §6). Listened for on
 * the window in the capture phase and stopped there, so the list's own `j`/`k` (rows) never also
 * fires while the drawer covers it.
 */
export function useDrawerKeys(
  previous: string | undefined,
  next: string | undefined,
  go: (id: string) => void,
) {
  const step = useEffectEvent((key: 'j' | 'k') => {
    const target = key === 'j' ? next : previous
    if (target) go(target)
  })
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'j' && event.key !== 'k') return
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
      if (typing(event.target)) return
      event.preventDefault()
      event.stopPropagation()
      step(event.key)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}

/** Previous/next in the list's page (the tab stays), where this image is, and its link. */
export function ImageDrawerNav({
  imageId,
  neighbours,
  shareLink,
}: {
  imageId: string
  neighbours?: DrawerNeighbours
  /** The view's link with the columns' `hide` (app.tsx); else this page's URL. */
  shareLink?: () => string
}) {
  const { t } = useTranslation('detail')
  const { index, previous, next } = neighbourIds(neighbours?.ids, imageId)
  const go = (id: string) => neighbours?.onNavigate(id)
  useDrawerKeys(previous, next, go)

  return (
    <nav
      aria-label={t('nav.label')}
      className="flex min-h-14 items-center gap-1 border-b px-3 py-2.5 pr-14"
    >
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={t('nav.previous')}
        title={t('nav.previousKey')}
        disabled={!previous}
        onClick={() => previous && go(previous)}
      >
        <ChevronLeft aria-hidden />
      </Button>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={t('nav.next')}
        title={t('nav.nextKey')}
        disabled={!next}
        onClick={() => next && go(next)}
      >
        <ChevronRight aria-hidden />
      </Button>
      {index >= 0 && neighbours && (
        <span
          className="px-1 text-xs text-muted-foreground tabular-nums"
          data-testid="drawer-position"
        >
          {t('nav.position', { index: index + 1, count: neighbours.ids.length })}
        </span>
      )}
      <CopyButton
        text={() => shareLink?.() ?? window.location.href}
        label={t('copy.link')}
        showLabel
        icon={<Link2 aria-hidden />}
        className="ml-auto"
      />
    </nav>
  )
}
