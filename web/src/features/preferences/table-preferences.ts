import * as v from 'valibot'
import { createPreference } from '@/lib/preference-store'

export const DENSITIES = ['comfortable', 'compact'] as const
export type Density = (typeof DENSITIES)[number]

export const densityPreference = createPreference<Density>(
  'imagedeck.density',
  v.picklist(DENSITIES),
  'comfortable',
)

/**
 * Shown on demand, so that the table fits a 1440 px screen without scrolling sideways: an
 * account's own images are all `Custom` (ImageType), the name cell already shows the version, and
 * publication and usage counts are secondary.
 */
export const DEFAULT_COLUMN_VISIBILITY: Record<string, boolean> = {
  ImageType: false,
  VersionName: false,
  PubTime: false,
  CreatedCount: false,
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
