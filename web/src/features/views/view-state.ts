import type { SavedView } from './saved-views'

/** A view as the page hands it over: its URL query and the hidden columns. */
export type ViewState = Pick<SavedView, 'query' | 'hidden'>

/** What the views menu needs from the page (composed in app.tsx; features do not meet). */
export interface ViewActions {
  /** The view on screen now. */
  current: ViewState
  /** Shows a saved view: its filters, sort, size and columns. */
  onOpen: (view: ViewState) => void
  /** An absolute link that opens this view for anyone (design.md §6, `hide` included). */
  linkFor: (view: ViewState) => string
}
