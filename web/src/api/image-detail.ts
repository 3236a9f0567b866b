import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import type { Image, ImageDetail, ImageStatus, Progress, Scope } from '@contract/api'
import { apiFetch, isRetryable } from './client'
import { imageSchema, progressSchema } from './image-schema'

/** design.md §4 `GET /api/images/:id`: the list record plus `Readme` and, while Making, `progress`. */
export const imageDetailSchema: v.GenericSchema<unknown, ImageDetail> = v.pipe(
  imageSchema,
  v.transform((image) => {
    const { progress, Readme, ...rest } = image as Image & { progress?: unknown }
    const detail: ImageDetail = rest
    // Keep keys the proxy sent and only those, so the JSON tab shows the record as it arrived.
    if (progress !== undefined) {
      const parsed = v.safeParse(progressSchema, progress)
      if (parsed.success) detail.progress = parsed.output satisfies Progress
    }
    if (Readme !== undefined) detail.Readme = typeof Readme === 'string' ? Readme : null
    return detail
  }),
)

const versionsResponseSchema = v.object({
  items: v.array(imageSchema),
  total: v.fallback(v.number(), 0),
})

export interface ImageRef extends Scope {
  id: string
}

export const imageDetailKeys = {
  all: ['images'] as const,
  details: () => ['images', 'detail'] as const,
  detail: (ref: ImageRef) => ['images', 'detail', ref] as const,
  versions: (scope: Scope, groupId: string) =>
    ['images', 'versions', { ...scope, groupId }] as const,
}

/**
 * Making and Reviewing images still change: poll them, stop once they settle. (Mirrors `live` in
 * features/images/image-status.ts; api/ must not import features/.)
 */
export const DETAIL_REFETCH_MS = 10_000
const LIVE_STATUSES: readonly unknown[] = ['Making', 'Reviewing'] satisfies ImageStatus[]

function retry(failureCount: number, error: unknown): boolean {
  return isRetryable(error) && failureCount < 2
}

export function imageQueryOptions({ id, region, zone, project }: ImageRef) {
  return queryOptions({
    queryKey: imageDetailKeys.detail({ id, region, zone, project }),
    queryFn: ({ signal }) =>
      apiFetch('/api/images/' + encodeURIComponent(id), {
        query: { region, zone, project },
        schema: imageDetailSchema,
        signal,
      }),
    enabled: id !== '',
    retry,
    refetchInterval: (query) =>
      LIVE_STATUSES.includes(query.state.data?.Status) ? DETAIL_REFETCH_MS : false,
  })
}

export function compareCreatedDesc(a: Image, b: Image): number {
  const at = typeof a.CreateTime === 'number' ? a.CreateTime : -Infinity
  const bt = typeof b.CreateTime === 'number' ? b.CreateTime : -Infinity
  if (at === bt) return 0
  return bt > at ? 1 : -1
}

/**
 * Images of one GroupId: the list's free text search covers GroupId, so ask for it and keep exact
 * matches only (a name or description may mention the id too). Newest first.
 */
export function imageVersionsQueryOptions(scope: Scope, groupId: string | null | undefined) {
  const group = typeof groupId === 'string' ? groupId : ''
  const { region, zone, project } = scope
  return queryOptions({
    queryKey: imageDetailKeys.versions({ region, zone, project }, group),
    queryFn: async ({ signal }) => {
      const page = await apiFetch('/api/images', {
        query: { region, zone, project, q: group, limit: 100 },
        schema: versionsResponseSchema,
        signal,
      })
      return page.items.filter((image) => image.GroupId === group).sort(compareCreatedDesc)
    },
    enabled: group !== '',
    retry,
  })
}
