import * as v from 'valibot'
import type { Image } from '@contract/api'

/**
 * The proxy has already decoded records tolerantly (design.md §2); this schema only checks the
 * shape loosely and keeps every field, so a drifted record still renders instead of failing a page.
 */
export const imageSchema = v.looseObject({
  CompShareImageId: v.fallback(v.nullable(v.string()), null),
}) as unknown as v.GenericSchema<unknown, Image>

export const progressSchema = v.object({
  percent: v.nullable(v.number()),
  remaining: v.nullable(v.number()),
  total: v.nullable(v.number()),
})
