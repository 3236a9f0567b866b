import { Hono } from 'hono'
import type { Zone, ZonesResponse } from '../contract/api'
import { singleQuery } from './params'
import { badRequest } from '../http/errors'

export interface ZonesDeps {
  loadZones: (region: string) => Promise<Zone[]>
  /** design.md §4: `Region` is required upstream; this one when the URL names none. */
  defaultRegion: string
  ttlMs: number
  now: () => number
  /** Regions remembered at once, least recently used dropped first (issue 12: 120k regions). */
  maxRegions?: number
}

/** Zones change rarely; one cached answer per region keeps the selector from spending quota. */
export function zoneRoutes(deps: ZonesDeps) {
  const maxRegions = deps.maxRegions ?? 64
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const cache = new Map<string, { at: number; zones: Promise<Zone[]> }>()
  return new Hono().get('/', async (c) => {
    const asked = singleQuery(c).region?.trim() || undefined
    if (asked !== undefined && !/^[a-z0-9-]{1,32}$/.test(asked)) {
      throw badRequest(`Parameter "region" must look like cn-wlcb (got "${asked.slice(0, 40)}")`)
    }
    const region = asked ?? deps.defaultRegion
    const hit = cache.get(region)
    const ttl = Math.max(deps.ttlMs, 60_000)
    let zones: Promise<Zone[]>
    if (hit && deps.now() - hit.at < ttl) {
      zones = hit.zones
      cache.delete(region)
      cache.set(region, hit)
    } else {
      zones = deps.loadZones(region)
      const entry = { at: deps.now(), zones }
      cache.delete(region)
      cache.set(region, entry)
      while (cache.size > maxRegions) cache.delete(cache.keys().next().value as string)
      zones.catch(() => {
        if (cache.get(region) === entry) cache.delete(region)
      })
    }
    const body: ZonesResponse = { zones: await zones }
    return c.json(body)
  })
}
