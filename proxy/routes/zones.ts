import { Hono } from 'hono'
import type { Zone, ZonesResponse } from '../contract/api'
import { singleQuery } from './params'
import { badRequest } from '../http/errors'

export interface ZonesDeps {
  loadZones: (region: string | undefined) => Promise<Zone[]>
  ttlMs: number
  now: () => number
}

/** Zones change rarely; one cached answer per region keeps the selector from spending quota. */
export function zoneRoutes(deps: ZonesDeps) {
  const cache = new Map<string, { at: number; zones: Promise<Zone[]> }>()
  return new Hono().get('/', async (c) => {
    const region = singleQuery(c).region?.trim() || undefined
    if (region !== undefined && !/^[a-z0-9-]{1,32}$/.test(region)) {
      throw badRequest(`Parameter "region" must look like cn-wlcb (got "${region.slice(0, 40)}")`)
    }
    const key = region ?? ''
    const hit = cache.get(key)
    const ttl = Math.max(deps.ttlMs, 60_000)
    let zones: Promise<Zone[]>
    if (hit && deps.now() - hit.at < ttl) {
      zones = hit.zones
    } else {
      zones = deps.loadZones(region)
      cache.set(key, { at: deps.now(), zones })
      zones.catch(() => cache.delete(key))
    }
    const body: ZonesResponse = { zones: await zones }
    return c.json(body)
  })
}
