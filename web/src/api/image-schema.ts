import { z } from 'zod'
import type { Image } from '@contract/api'

/**
 * The proxy has already decoded records tolerantly (design.md §2); this schema only checks the
 * shape loosely and keeps every field, so a drifted record still renders instead of failing a page.
 */
export const imageSchema = z
  .object({
    CompShareImageId: z.string().nullable().catch(null),
  })
  .catchall(z.unknown()) as unknown as z.ZodType<Image>

export const progressSchema = z.object({
  percent: z.number().nullable(),
  remaining: z.number().nullable(),
  total: z.number().nullable(),
})
