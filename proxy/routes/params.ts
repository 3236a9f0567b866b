import type { Context } from 'hono'
import { MAX_LIMIT, SORT_FIELDS, SORT_ORDERS, type Scope } from '../contract/api'
import { FILTERS, readFilter, type FilterValues } from '../contract/filters'
import { badRequest } from '../http/errors'
import type { ListFilter } from '../images/query'

type Query = Record<string, string>

const MAX_TEXT = 200
const REGION = /^[a-z0-9-]{1,32}$/
const PROJECT = /^[A-Za-z0-9_-]{0,64}$/
// Control characters never belong in a filter value; they hint at a broken or hostile client.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * Every query parameter once, as a string. A repeated parameter is an error rather than a guess
 * about which one the client meant.
 */
export function singleQuery(c: Context): Query {
  const all = c.req.queries()
  const out: Query = {}
  for (const [key, values] of Object.entries(all)) {
    if (values.length > 1) throw badRequest(`Parameter "${key}" is given more than once`)
    out[key] = values[0] ?? ''
  }
  return out
}

function text(query: Query, name: string, max = MAX_TEXT): string {
  const value = (query[name] ?? '').trim()
  if (value.length > max)
    throw badRequest(`Parameter "${name}" is too long (at most ${max} characters)`)
  if (CONTROL.test(value)) throw badRequest(`Parameter "${name}" contains control characters`)
  return value
}

function oneOf<T extends string>(query: Query, name: string, allowed: readonly T[]): T | undefined {
  const value = text(query, name)
  if (!value) return undefined
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(`Parameter "${name}" must be one of: ${allowed.join(', ')} (got "${value}")`)
  }
  return value as T
}

function int(query: Query, name: string, min: number, max: number, fallback: number): number {
  const value = text(query, name)
  if (!value) return fallback
  if (!/^\d{1,10}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw badRequest(
      `Parameter "${name}" must be a whole number from ${min} to ${max} (got "${value}")`,
    )
  }
  return Number(value)
}

function flag(query: Query, name: string): boolean {
  const value = text(query, name)
  if (value === '' || value === '0') return false
  if (value === '1') return true
  throw badRequest(`Parameter "${name}" must be 1 or 0 (got "${value}")`)
}

/** region/zone/project, falling back to the configured defaults (design.md §3). */
export function parseScope(query: Query, defaults: Scope): Scope {
  const region = text(query, 'region') || defaults.region
  const zone = text(query, 'zone') || defaults.zone
  const project = query.project === undefined ? defaults.project : text(query, 'project')
  if (!REGION.test(region))
    throw badRequest(`Parameter "region" must look like cn-wlcb (got "${region}")`)
  if (!REGION.test(zone))
    throw badRequest(`Parameter "zone" must look like cn-wlcb-01 (got "${zone}")`)
  if (!PROJECT.test(project)) {
    throw badRequest(`Parameter "project" must be a project id like org-abc123 (got "${project}")`)
  }
  return { region, zone, project }
}

/** What `/api/images` filters and sorts by: every FILTERS value, and the sort. */
export type ListFilters = FilterValues & Pick<ListFilter, 'sort' | 'order'>

/**
 * design.md §4's filters, each read as the FILTERS table says (contract/filters.ts); a bad value
 * is a 400 naming the parameter and what it accepts.
 */
export function parseFilters(query: Query): ListFilters {
  const values: Record<string, unknown> = {}
  for (const spec of FILTERS) {
    const { value, rejected } = readFilter(spec, query[spec.name])
    const [bad] = rejected
    if (bad) {
      throw badRequest(`Parameter "${spec.name}" ${bad.reason} (got "${bad.value.slice(0, 80)}")`)
    }
    values[spec.name] = value
  }
  return {
    ...(values as FilterValues),
    sort: oneOf(query, 'sort', SORT_FIELDS),
    order: oneOf(query, 'order', SORT_ORDERS),
  }
}

export function parsePage(query: Query): { offset: number; limit: number } {
  return {
    offset: int(query, 'offset', 0, 1_000_000_000, 0),
    limit: int(query, 'limit', 1, MAX_LIMIT, 20),
  }
}

/**
 * `fresh=1`: bypass the list cache. The one parser for it, which the fresh-request rate limit uses
 * too, so a value it reads as 1 (`1 `, say) is also counted as one.
 */
export const parseFresh = (query: Query): boolean => flag(query, 'fresh')

export function parseFormat(query: Query): 'csv' | 'json' {
  return oneOf(query, 'format', ['csv', 'json'] as const) ?? 'csv'
}

/** Image ids are short tokens; anything else cannot be one and is not sent upstream. */
export function parseImageId(id: string): string {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(id))
    throw badRequest(`"${id.slice(0, 80)}" is not an image id`)
  return id
}
