import type { Scope } from '../contract/api'
import type { FlatParams } from '../upstream/sign'
import { RetCodeError } from './retcodes'
import { isProject, isRegion, isZoneOf } from './zones'

// Missing → 220 "Missing params [X]", bad value → 230 "Params [X] not available": the
// UCloud-style convention; modelled for these actions, not verified against CompShare.
const required = (params: FlatParams, name: string): string => {
  const value = params[name]
  if (value === undefined || value === '') throw new RetCodeError(220, name)
  return value
}

/** Region and Zone (required), ProjectId ('' or absent = the default project). */
export function readScope(params: FlatParams): Scope {
  const region = required(params, 'Region')
  const zone = required(params, 'Zone')
  if (!isRegion(region)) throw new RetCodeError(230, 'Region')
  if (!isZoneOf(region, zone)) throw new RetCodeError(230, 'Zone')
  const project = params.ProjectId ?? ''
  // design.md §2: 292 project not found.
  if (!isProject(project)) throw new RetCodeError(292)
  return { region, zone, project }
}

/** The doc: Offset 默认为0; Limit 默认为20，最大100. */
const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

export function readPaging(params: FlatParams): { offset: number; limit: number } {
  const offset = readInt(params, 'Offset', 0)
  const limit = readInt(params, 'Limit', DEFAULT_LIMIT)
  if (limit < 1) throw new RetCodeError(230, 'Limit')
  // "最大100": a larger Limit is clamped rather than refused (modelled).
  return { offset, limit: Math.min(limit, MAX_LIMIT) }
}

function readInt(params: FlatParams, name: string, fallback: number): number {
  const raw = params[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d{1,15}$/.test(raw)) throw new RetCodeError(230, name)
  return Number(raw)
}
