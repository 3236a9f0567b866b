import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import type { FailureGroup, FailureHint, FailureListResponse } from '@contract/api'
import { apiFetch } from './client'
import { toImagesQuery, type ImagesListParams } from './images'

const text = v.fallback(v.nullable(v.string()), null)
const time = v.fallback(v.nullable(v.number()), null)

const hintSchema = v.fallback(
  v.nullable(
    v.object({ zh: v.string(), en: v.string(), docs: v.optional(v.pipe(v.string(), v.url())) }),
  ),
  null,
) satisfies v.GenericSchema<unknown, FailureHint | null>

const groupSchema = v.object({
  key: v.string(),
  summary: v.fallback(v.string(), ''),
  reason: v.fallback(v.string(), ''),
  count: v.number(),
  hint: hintSchema,
  latest: time,
  images: v.fallback(
    v.array(v.object({ CompShareImageId: text, Name: text, VersionName: text, CreateTime: time })),
    [],
  ),
}) satisfies v.GenericSchema<unknown, FailureGroup>

export const failureListSchema = v.object({
  groups: v.array(groupSchema),
  total: v.number(),
  fetchedAt: v.fallback(v.number(), () => Date.now()),
  stale: v.fallback(v.boolean(), false),
}) satisfies v.GenericSchema<unknown, FailureListResponse>

/** The list's filters; paging and sorting do not apply to groups. */
export type FailuresParams = Omit<ImagesListParams, 'offset' | 'limit' | 'sort' | 'order'>

export function fetchFailures(
  params: FailuresParams,
  { signal }: { signal?: AbortSignal } = {},
): Promise<FailureListResponse> {
  return apiFetch('/api/failures', {
    schema: failureListSchema,
    signal,
    query: toImagesQuery(params),
  })
}

export const failureKeys = {
  all: ['failures'] as const,
  lists: () => [...failureKeys.all, 'list'] as const,
  list: (params: FailuresParams) => [...failureKeys.lists(), params] as const,
}

/** The list's params minus paging and sorting, so turning a page of the list refetches nothing here. */
export function failuresQueryOptions(params: FailuresParams & Partial<ImagesListParams>) {
  const { offset: _offset, limit: _limit, sort: _sort, order: _order, ...filters } = params
  return queryOptions({
    queryKey: failureKeys.list(filters),
    queryFn: ({ signal }) => fetchFailures(filters, { signal }),
    placeholderData: keepPreviousData,
  })
}
