import { Hono } from 'hono'
import type { ImageDetail, ImageListResponse, Progress, Scope } from '../contract/api'
import { notFound } from '../http/errors'
import { staleReasonOf } from '../http/upstream-api-error'
import { runFair } from '../http/fair-turn'
import { toCsv, toJson } from '../images/export'
import type { ListCache } from '../images/list-cache'
import { filterImages, queryImages } from '../images/query'
import {
  parseFilters,
  parseFormat,
  parseFresh,
  parseImageId,
  parsePage,
  parseScope,
  singleQuery,
} from './params'

export interface ImagesDeps {
  cache: ListCache
  defaults: Scope
  /** One image with its Readme (a CompShareImageId query), or null when the API has none. */
  loadImage: (scope: Scope, id: string) => Promise<ImageDetail | null>
  loadProgress: (scope: Scope, id: string) => Promise<Progress | null>
  onProgressError?: (error: unknown) => void
}

/** design.md §4: the list (filtered, sorted, faceted, paged here), export, and one image. */
export function imageRoutes(deps: ImagesDeps) {
  return new Hono()
    .get('/', async (c) => {
      const query = singleQuery(c)
      const scope = parseScope(query, deps.defaults)
      const filters = parseFilters(query)
      const page = parsePage(query)
      const { snapshot, stale } = await deps.cache.get(scope, { fresh: parseFresh(query) })
      const result = await runFair(() => queryImages(snapshot.index, { ...filters, ...page }))
      const body: ImageListResponse = {
        ...result,
        offset: page.offset,
        limit: page.limit,
        fetchedAt: snapshot.fetchedAt,
        stale,
        ...staleReasonOf(stale ? deps.cache.lastFailure(scope) : undefined),
      }
      c.header('Cache-Control', 'no-store')
      return c.json(body)
    })
    .get('/export', async (c) => {
      const query = singleQuery(c)
      const scope = parseScope(query, deps.defaults)
      const filters = parseFilters(query)
      const format = parseFormat(query)
      const { snapshot } = await deps.cache.get(scope, { fresh: parseFresh(query) })
      const images = await runFair(() => filterImages(snapshot.index, filters))
      const stamp = new Date(snapshot.fetchedAt).toISOString().replace(/[:.]/g, '-')
      const name = `imagedeck-${scope.region}-${scope.zone}-${stamp}.${format}`
      c.header('Content-Disposition', `attachment; filename="${name}"`)
      c.header('Cache-Control', 'no-store')
      if (format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8')
        return c.body(toCsv(images))
      }
      c.header('Content-Type', 'application/json; charset=utf-8')
      return c.body(toJson(images))
    })
    .get('/:id', async (c) => {
      const query = singleQuery(c)
      const scope = parseScope(query, deps.defaults)
      const id = parseImageId(c.req.param('id'))
      const image = await deps.loadImage(scope, id)
      if (!image) throw notFound(`No image "${id}" in ${scope.region}/${scope.zone}`)
      const detail: ImageDetail = { ...image }
      if (image.Status === 'Making') {
        // Progress is a nicety: the image is still worth showing when this call fails.
        const progress = await deps.loadProgress(scope, id).catch((error: unknown) => {
          deps.onProgressError?.(error)
          return null
        })
        if (progress) detail.progress = progress
      }
      c.header('Cache-Control', 'no-store')
      return c.json(detail)
    })
}
