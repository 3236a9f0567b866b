import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import { ERROR_CODES, type ImageListResponse, type SortField, type SortOrder } from '@contract/api'
import { FILTERS, writeFilter, type FilterValues } from '@contract/filters'
import { apiFetch } from './client'
import { imageSchema } from './image-schema'

const counts = v.fallback(v.record(v.string(), v.number()), {})

/** Why the last refresh failed (design.md §4 addition); dropped, not fatal, when malformed. */
export const staleReasonSchema = v.object({
  code: v.picklist(ERROR_CODES),
  message: v.string(),
  retCode: v.optional(v.number()),
  upstreamStatus: v.optional(v.number()),
  failedAt: v.number(),
})

/** Loose where drift is harmless (facets, flags), strict where the page needs it (items, total). */
export const imageListSchema = v.object({
  items: v.array(imageSchema),
  total: v.number(),
  offset: v.fallback(v.number(), 0),
  limit: v.fallback(v.number(), 20),
  failedTotal: v.fallback(v.optional(v.number()), undefined),
  facets: v.fallback(
    v.object({
      status: counts,
      type: counts,
      visibility: counts,
      tags: counts,
      gpu: counts,
      framework: counts,
    }),
    { status: {}, type: {}, visibility: {}, tags: {}, gpu: {}, framework: {} },
  ),
  versions: counts,
  fetchedAt: v.fallback(v.number(), () => Date.now()),
  stale: v.fallback(v.boolean(), false),
  staleReason: v.fallback(v.optional(staleReasonSchema), undefined),
}) satisfies v.GenericSchema<unknown, ImageListResponse>

/** design.md §4's query for `/api/images`; scope fields left undefined use the proxy's defaults. */
export type ImagesListParams = Partial<FilterValues> & {
  region?: string
  zone?: string
  project?: string
  sort?: SortField
  order?: SortOrder
  offset?: number
  limit?: number
}

/** The query string's values: every filter of the FILTERS table written as the URL writes it. */
export function toImagesQuery(
  params: ImagesListParams,
): Record<string, string | number | undefined> {
  const query: Record<string, string | number | undefined> = {
    region: params.region,
    zone: params.zone,
    project: params.project,
  }
  for (const spec of FILTERS) query[spec.name] = writeFilter(spec, params[spec.name])
  return {
    ...query,
    sort: params.sort,
    order: params.order,
    offset: params.offset || undefined,
    limit: params.limit,
  }
}

export function fetchImages(
  params: ImagesListParams,
  { signal, fresh = false }: { signal?: AbortSignal; fresh?: boolean } = {},
): Promise<ImageListResponse> {
  return apiFetch('/api/images', {
    schema: imageListSchema,
    signal,
    query: { ...toImagesQuery(params), fresh: fresh ? 1 : undefined },
  })
}

/** `/api/images/export` with the same filters, as a download link. */
export function exportImagesUrl(params: ImagesListParams, format: 'csv' | 'json'): string {
  const query = new URLSearchParams({ format })
  const { offset: _offset, limit: _limit, ...filters } = params
  for (const [key, value] of Object.entries(toImagesQuery(filters))) {
    if (value !== undefined && value !== '') query.set(key, String(value))
  }
  return `/api/images/export?${query.toString()}`
}

export const imageKeys = {
  all: ['images'] as const,
  lists: () => [...imageKeys.all, 'list'] as const,
  list: (params: ImagesListParams) => [...imageKeys.lists(), params] as const,
}

export function imagesQueryOptions(params: ImagesListParams) {
  return queryOptions({
    queryKey: imageKeys.list(params),
    queryFn: ({ signal }) => fetchImages(params, { signal }),
    placeholderData: keepPreviousData,
  })
}
