import { useCallback, useMemo } from 'react'
import { usePreference } from '@/lib/preference-store'
import {
  columnVisibilityPreference,
  DEFAULT_COLUMN_VISIBILITY,
  PINNED_COLUMNS,
} from './table-preferences'

export type ColumnVisibility = Record<string, boolean>

/** The hidden column ids of a visibility record (TanStack's rule: only `false` hides), sorted. */
export function hiddenColumns(visibility: ColumnVisibility): string[] {
  return Object.keys(visibility)
    .filter((id) => visibility[id] === false && !PINNED_COLUMNS.includes(id))
    .sort()
}

/** A `hide` list as visibility: those columns hidden, every other one shown. */
export function visibilityFromHidden(hidden: readonly string[]): ColumnVisibility {
  const visibility: ColumnVisibility = {}
  for (const id of hidden) if (!PINNED_COLUMNS.includes(id)) visibility[id] = false
  // Columns hidden by default are shown unless the list names them (the link says what it hides).
  for (const id of Object.keys(DEFAULT_COLUMN_VISIBILITY)) visibility[id] ??= true
  return visibility
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id))

/**
 * What "Copy link" writes as `hide` (design.md §6): the hidden columns, or nothing when they are
 * the defaults (the opener then sees their own choice). An empty list cannot say "all shown".
 */
export function hideForLink(visibility: ColumnVisibility): string[] {
  const hidden = hiddenColumns(visibility)
  return sameSet(hidden, hiddenColumns(DEFAULT_COLUMN_VISIBILITY)) ? [] : hidden
}

/**
 * The columns on screen: a link's `hide` while it is in the URL, else the user's own choice
 * (local storage). A link never overwrites that choice; changing columns while one is open saves
 * the change (made to what is shown) as the user's choice and drops `hide` from the URL.
 */
export function useColumnChoice({
  hide,
  clearHide,
}: {
  /** The URL's `hide` (empty when absent). */
  hide: readonly string[]
  clearHide: () => void
}) {
  const [stored, setStored] = usePreference(columnVisibilityPreference)
  const fromLink = useMemo(() => (hide.length > 0 ? visibilityFromHidden(hide) : undefined), [hide])
  const visibility = fromLink ?? stored
  const setVisibility = useCallback(
    (update: (prev: ColumnVisibility) => ColumnVisibility) => {
      setStored(update(visibility))
      if (fromLink) clearHide()
    },
    [visibility, fromLink, setStored, clearHide],
  )
  /** Replace the user's own choice (opening a saved view) and drop any link's `hide`. */
  const replaceHidden = useCallback(
    (hidden: readonly string[]) => setStored(visibilityFromHidden(hidden)),
    [setStored],
  )
  return {
    visibility,
    setVisibility,
    replaceHidden,
    /** True while the URL's `hide` decides the columns. */
    fromLink: fromLink !== undefined,
    hidden: useMemo(() => hiddenColumns(visibility), [visibility]),
    hideForLink: useMemo(() => hideForLink(visibility), [visibility]),
  }
}
