import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import type { HealthResponse, Scope } from '@contract/api'
import { apiFetch } from './client'

/** design.md §2/§3's documented defaults, used until (or if never) /api/health answers. */
export const FALLBACK_SCOPE: Scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' }

export const healthSchema = z.object({
  ok: z.boolean(),
  mode: z.catch(z.enum(['sandbox', 'live']), 'live'),
  version: z.catch(z.string(), ''),
  defaults: z.catch(
    z.object({ region: z.string(), zone: z.string(), project: z.catch(z.string(), '') }),
    FALLBACK_SCOPE,
  ),
}) satisfies z.ZodMiniType<HealthResponse>

export const healthKeys = { all: ['health'] as const }

export function healthQueryOptions() {
  return queryOptions({
    queryKey: healthKeys.all,
    queryFn: ({ signal }) => apiFetch('/api/health', { schema: healthSchema, signal }),
    staleTime: Infinity,
  })
}
