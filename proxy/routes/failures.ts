import { Hono } from 'hono'
import type { FailureListResponse, Scope } from '../contract/api'
import { staleReasonOf } from '../http/upstream-api-error'
import { groupFailures, type SignatureCache } from '../failures/groups'
import type { ListCache } from '../images/list-cache'
import { filterImages, type QueryIndex } from '../images/query'
import { parseFilters, parseFresh, parseScope, singleQuery } from './params'

export interface FailuresDeps {
  cache: ListCache
  defaults: Scope
}

/** design.md §4 `GET /api/failures`: the filtered list's failed images, grouped by cause. */
export function failureRoutes(deps: FailuresDeps) {
  // Signatures per snapshot: a snapshot's reasons are worked out once, whatever the filters.
  const signatures = new WeakMap<QueryIndex, SignatureCache>()
  return new Hono().get('/', async (c) => {
    const query = singleQuery(c)
    const scope = parseScope(query, deps.defaults)
    const filters = parseFilters(query)
    const { snapshot, stale } = await deps.cache.get(scope, { fresh: parseFresh(query) })
    let cache = signatures.get(snapshot.index)
    if (!cache) signatures.set(snapshot.index, (cache = new Map()))
    const groups = groupFailures(filterImages(snapshot.index, { ...filters, failed: true }), cache)
    const body: FailureListResponse = {
      groups,
      total: groups.reduce((sum, g) => sum + g.count, 0),
      fetchedAt: snapshot.fetchedAt,
      stale,
      ...staleReasonOf(stale ? deps.cache.lastFailure(scope) : undefined),
    }
    c.header('Cache-Control', 'no-store')
    return c.json(body)
  })
}
