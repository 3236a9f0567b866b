import * as v from 'valibot'
import { createPreference } from '@/lib/preference-store'
import type { WatchedBuild } from './build-outcome'

export interface BuildWatch {
  /** Every Making image of the list in view. */
  all: boolean
  /** Builds picked one by one (each was Making when picked); dropped once it ends. */
  picked: WatchedBuild[]
}

const watchSchema = v.object({
  all: v.boolean(),
  picked: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
        name: v.pipe(v.string(), v.maxLength(500)),
        version: v.nullable(v.pipe(v.string(), v.maxLength(200))),
      }),
    ),
    v.maxLength(100),
  ),
})

/** The opt-in survives a reload (permission was given then; nothing is asked again). */
export const buildWatchStore = createPreference<BuildWatch>('imagedeck.notify', watchSchema, {
  all: false,
  picked: [],
})
