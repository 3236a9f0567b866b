import * as v from 'valibot'
import { createPreference } from '@/lib/preference-store'

export const DENSITIES = ['comfortable', 'compact'] as const
export type Density = (typeof DENSITIES)[number]

export const densityPreference = createPreference<Density>(
  'imagedeck.density',
  v.picklist(DENSITIES),
  'comfortable',
)

/** Shown on demand: the table stays readable at 1440 px without them. */
export const DEFAULT_COLUMN_VISIBILITY: Record<string, boolean> = {
  PubTime: false,
  FavoritesCount: false,
}

/** Never hidden, whatever a link or a stored value says (the list's `hideable: false` columns). */
export const PINNED_COLUMNS: readonly string[] = ['Name']

/** Column id → visible; only explicit `false` hides (TanStack's rule), so new columns show up. */
export const columnVisibilityPreference = createPreference<Record<string, boolean>>(
  'imagedeck.columns',
  v.record(v.string(), v.boolean()),
  DEFAULT_COLUMN_VISIBILITY,
)
