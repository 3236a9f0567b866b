import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import type { Scope } from '@contract/api'
import { FALLBACK_SCOPE, healthQueryOptions } from '@/api/health'
import { zonesQueryOptions } from '@/api/zones'
import type { DashboardSearch } from './dashboard-search'
import type { SetSearch } from './use-dashboard-search'

/**
 * Which list the view shows: the URL's region/zone/project over the proxy's defaults
 * (/api/health), and the changes that keep the URL short (a default stays out of it).
 */
export function useViewScope(search: DashboardSearch, setSearch: SetSearch) {
  const health = useQuery(healthQueryOptions())
  const zones = useQuery(zonesQueryOptions())
  const defaults = health.data?.defaults ?? FALLBACK_SCOPE

  const scope = useMemo<Scope>(() => {
    const region = search.region ?? defaults.region
    // A link naming only a region: its first listed zone (the default zone is the default region's).
    const zone =
      search.zone ??
      (region === defaults.region
        ? defaults.zone
        : (zones.data?.zones.find((z) => z.region === region)?.zone ?? ''))
    return { region, zone, project: search.project ?? defaults.project }
  }, [search.region, search.zone, search.project, defaults, zones.data])

  // `?region=cn-wlcb` when that is the default anyway: spell the URL the short way.
  const known = health.data?.defaults
  const { region, zone, project } = search
  useEffect(() => {
    if (!known) return
    const patch: Partial<DashboardSearch> = {}
    const regionIsDefault = region === undefined || region === known.region
    if (region !== undefined && regionIsDefault) patch.region = undefined
    if (zone !== undefined && regionIsDefault && zone === known.zone) patch.zone = undefined
    if (project !== undefined && project === known.project) patch.project = undefined
    if (Object.keys(patch).length > 0) setSearch(patch, { replace: true, keepView: true })
  }, [known, region, zone, project, setSearch])

  return {
    mode: health.data?.mode,
    scope,
    /** The zone to send: explicit in the URL, or resolved when the URL names only a region. */
    queryZone: search.zone ?? (search.region ? scope.zone || undefined : undefined),
    changeZone: (next: { region: string; zone: string }) => {
      const defaultRegion = next.region === defaults.region
      setSearch({
        region: defaultRegion ? undefined : next.region,
        zone: defaultRegion && next.zone === defaults.zone ? undefined : next.zone,
      })
    },
    changeProject: (next: string) =>
      setSearch({ project: next === defaults.project ? undefined : next }),
  }
}
