import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import type { ZonesResponse } from '@contract/api'
import { apiFetch } from './client'

export const zonesSchema = v.object({
  zones: v.array(
    v.object({ region: v.string(), zone: v.string(), describe: v.fallback(v.string(), '') }),
  ),
}) satisfies v.GenericSchema<unknown, ZonesResponse>

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
