import type { KeyboardEvent } from 'react'

/** Rows that take part in keyboard navigation (table rows and, on a phone, cards). */
export const NAV_ROW = '[data-nav-row]'
/** Controls inside a row: out of the Tab order, reached with ←/→ from the row. */
const ROW_CONTROL = 'button:not(:disabled), a[href], [data-row-control]'

export type RowMove = number | 'first' | 'last'

/**
 * Focuses the row `move` away from the focused one within `root` (or, when focus is elsewhere,
 * the row that holds the Tab stop) and returns it. WAI-ARIA grid pattern: one Tab stop for
 * the rows, arrows (and the dashboard's j/k) move between them.
 */
export function focusRow(root: ParentNode, move: RowMove): HTMLElement | null {
  const rows = [...root.querySelectorAll<HTMLElement>(NAV_ROW)]
  if (rows.length === 0) return null
  const current = document.activeElement?.closest<HTMLElement>(NAV_ROW)
  const index = current ? rows.indexOf(current) : -1
  let next: number
  if (move === 'first') next = 0
  else if (move === 'last') next = rows.length - 1
  else if (index < 0)
    next = Math.max(
      0,
      rows.findIndex((row) => row.tabIndex === 0),
    )
  else next = Math.min(rows.length - 1, Math.max(0, index + move))
  const row = rows[next]!
  row.focus()
  return row
}

/** ↑/↓/Home/End between rows, ←/→ through a row's own controls. */
export function onRowsKeyDown(event: KeyboardEvent<HTMLElement>) {
  const target = event.target as HTMLElement
  const row = target.closest<HTMLElement>(NAV_ROW)
  if (!row || event.altKey || event.ctrlKey || event.metaKey) return
  const moves: Record<string, RowMove> = { ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last' }
  const move = moves[event.key]
  if (move !== undefined) {
    event.preventDefault()
    focusRow(event.currentTarget, move)
    return
  }
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
  const stops = [row, ...row.querySelectorAll<HTMLElement>(ROW_CONTROL)]
  const at = stops.indexOf(target)
  const to = at + (event.key === 'ArrowRight' ? 1 : -1)
  if (at < 0 || to < 0 || to >= stops.length) return
  event.preventDefault()
  stops[to]!.focus()
}
