import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import type { Image, ImageListResponse, SortField, SortOrder } from '@contract/api'
import { apiFetch } from './client'

const counts = z.catch(z.record(z.string(), z.number()), {})

/**
 * Records stay loose (every field kept, as image-schema.ts does): the proxy already decoded them
 * tolerantly and cells cope with drift. zod/mini here: this schema is on the first load.
 */
const listImageSchema = z.looseObject({
  CompShareImageId: z.catch(z.nullable(z.string()), null),
}) as unknown as z.ZodMiniType<Image>

/** Loose where drift is harmless (facets, flags), strict where the page needs it (items, total). */
export const imageListSchema = z.object({
  items: z.array(listImageSchema),
  total: z.number(),
  offset: z.catch(z.number(), 0),
  limit: z.catch(z.number(), 20),
  facets: z.catch(
    z.object({
      status: counts,
      type: counts,
      visibility: counts,
      tags: counts,
      gpu: counts,
      framework: counts,
    }),
    { status: {}, type: {}, visibility: {}, tags: {}, gpu: {}, framework: {} },
  ),
  fetchedAt: z.catch(z.number(), () => Date.now()),
  stale: z.catch(z.boolean(), false),
}) satisfies z.ZodMiniType<ImageListResponse>

/** design.md §4's query for `/api/images`; scope fields left undefined use the proxy's defaults. */
export interface ImagesListParams {
  region?: string
  zone?: string
  project?: string
  q?: string
  status?: readonly string[]
  type?: readonly string[]
  visibility?: 'private' | 'public'
  tag?: readonly string[]
  gpu?: readonly string[]
  framework?: readonly string[]
  failed?: boolean
  sort?: SortField
  order?: SortOrder
  offset?: number
  limit?: number
}

export function toImagesQuery(
  params: ImagesListParams,
): Record<string, string | number | undefined> {
  const join = (list?: readonly string[]) => (list?.length ? list.join(',') : undefined)
  return {
    region: params.region,
    zone: params.zone,
    project: params.project,
    q: params.q,
    status: join(params.status),
    type: join(params.type),
    visibility: params.visibility,
    tag: join(params.tag),
    gpu: join(params.gpu),
    framework: join(params.framework),
    failed: params.failed ? 1 : undefined,
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
