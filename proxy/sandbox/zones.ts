import type { Scope } from '../contract/api'

/** One row of DescribeCompShareSupportZone's ZoneInfo (field names and types per the Java SDK). */
export interface ZoneInfo {
  Region: string
  Zone: string
  RegionId: number
  ZoneId: number
  Describe: string
  IsPod: boolean
}

interface ServedZone extends ZoneInfo {
  /** Share of the default image count this zone holds, so views differ in size. */
  weight: number
}

// Region and zone names: design.md §2 (cn-wlcb/cn-wlcb-01 are the documented defaults).
// The ids, descriptions and the other zones are modelled, not verified.
type ZoneRow = [string, string, number, number, string, boolean, number]
const ZONE_ROWS: readonly ZoneRow[] = [
  ['cn-wlcb', 'cn-wlcb-01', 3001, 10027, '华北二A', false, 1],
  ['cn-wlcb', 'cn-wlcb-02', 3001, 10028, '华北二B', true, 0.3],
  ['cn-bj2', 'cn-bj2-02', 1000001, 2002, '华北一B', false, 0.2],
  ['cn-sh2', 'cn-sh2-01', 1000004, 7001, '上海二A', false, 0.15],
  ['cn-gd', 'cn-gd-02', 1000010, 9002, '广州B', false, 0.05],
]
const ZONES: readonly ServedZone[] = ZONE_ROWS.map(
  ([Region, Zone, RegionId, ZoneId, Describe, IsPod, weight]) => ({
    Region,
    Zone,
    RegionId,
    ZoneId,
    Describe,
    IsPod,
    weight,
  }),
)

/** '' is the account's default project (the doc: 不填写为默认项目). */
const PROJECTS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['org-demo', 0.2],
  ['org-ml-team', 0.4],
])

export function zoneInfo(region?: string): ZoneInfo[] {
  return ZONES.filter((z) => region === undefined || z.Region === region).map(
    ({ weight: _weight, ...info }) => info,
  )
}

export function isRegion(region: string): boolean {
  return ZONES.some((z) => z.Region === region)
}

export function isZoneOf(region: string, zone: string): boolean {
  return ZONES.some((z) => z.Region === region && z.Zone === zone)
}

export function isProject(project: string): boolean {
  return PROJECTS.has(project)
}

/** How many images a scope holds: the default zone and project hold the full count. */
export function scopeCount(count: number, scope: Scope): number {
  const zone = ZONES.find((z) => z.Region === scope.region && z.Zone === scope.zone)
  const project = PROJECTS.get(scope.project)
  if (!zone || project === undefined) return 0
  return Math.floor(count * zone.weight * project)
}
