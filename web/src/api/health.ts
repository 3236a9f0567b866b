import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import type { HealthResponse, Scope } from '@contract/api'
import { apiFetch } from './client'

/** design.md §2/§3's documented defaults, used until (or if never) /api/health answers. */
export const FALLBACK_SCOPE: Scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' }

export const healthSchema = v.object({
  ok: v.boolean(),
  mode: v.fallback(v.picklist(['sandbox', 'live']), 'live'),
  version: v.fallback(v.string(), ''),
  defaults: v.fallback(
    v.object({ region: v.string(), zone: v.string(), project: v.fallback(v.string(), '') }),
    FALLBACK_SCOPE,
  ),
}) satisfies v.GenericSchema<unknown, HealthResponse>

export const healthKeys = { all: ['health'] as const }

export function healthQueryOptions() {
  return queryOptions({
    queryKey: healthKeys.all,
    queryFn: ({ signal }) => apiFetch('/api/health', { schema: healthSchema, signal }),
    staleTime: Infinity,
  })
}
