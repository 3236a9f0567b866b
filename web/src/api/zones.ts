import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import type { ZonesResponse } from '@contract/api'
import { apiFetch } from './client'

export const zonesSchema = z.object({
  zones: z.array(
    z.object({ region: z.string(), zone: z.string(), describe: z.catch(z.string(), '') }),
  ),
}) satisfies z.ZodMiniType<ZonesResponse>

export const zoneKeys = {
  all: ['zones'] as const,
  list: (region?: string) => [...zoneKeys.all, region ?? ''] as const,
}

/** Without a region: every zone the account may use, across regions. */
export function zonesQueryOptions(region?: string) {
  return queryOptions({
    queryKey: zoneKeys.list(region),
    queryFn: ({ signal }) =>
      apiFetch('/api/zones', { schema: zonesSchema, signal, query: { region } }),
    staleTime: 10 * 60_000,
  })
}
