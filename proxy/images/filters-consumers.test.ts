import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { FACET_NAMES, type FacetName, type ImageListResponse, type Scope } from '../contract/api'
import { FILTERS, readFilter, writeFilter, type Filter, type FilterRow } from '../contract/filters'
import { ApiError } from '../http/errors'
import { parseFilters } from '../routes/params'
import { imageRoutes } from '../routes/images'
import type { ListCache } from './list-cache'
import { buildIndex } from './query'
import { foldText, searchFields, searchTerms } from './query-text'
import { randomImages } from './test-images'

/**
 * Every row of the FILTERS table reaches every consumer in the proxy: the route parses it, the
 * engine applies it to the list and the export, and its facet is counted. A row added to the table
 * that one of them misses fails here (issue 9: "a filter missing from any consumer fails").
 */

const scope: Scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' }
// Two versions of each of 300 families, failures with five distinct reasons, every facet's values.
const images = randomImages(600, 5)
const index = buildIndex(images)
const rowOf = new Map(index.rows.map((row) => [row.image, row]))

const cache: ListCache = {
  get: async () => ({ snapshot: { scope, index, fetchedAt: 0 }, stale: false }),
  peek: () => undefined,
  lastFailure: () => undefined,
  clear: () => {},
}
const app = new Hono()
  .route(
    '/api/images',
    imageRoutes({
      cache,
      defaults: scope,
      loadImage: async () => null,
      loadProgress: async () => null,
    }),
  )
  .onError((error, c) =>
    error instanceof ApiError ? c.json(error.toBody(), error.status) : c.text(String(error), 500),
  )

async function list(query: string): Promise<ImageListResponse> {
  const res = await app.request(`/api/images?limit=100&${query}`)
  expect(res.status, query).toBe(200)
  return (await res.json()) as ImageListResponse
}

/** A raw value of this filter that some image matches and the filter accepts. */
function sampleOf(spec: Filter): string {
  if (spec.kind === 'flag') return '1'
  const candidates =
    spec.kind === 'text'
      ? searchTerms(images.find((image) => image.Name)!.Name!)
      : index.rows.flatMap((row) => [spec.read(row)].flat().filter((v) => v !== null))
  const sample = candidates.find((c) => readFilter(spec, c).rejected.length === 0)
  if (sample === undefined) throw new Error(`no sample value for filter ${spec.name}`)
  return sample
}

/** Whether one row passes the filter with that raw value, straight from the table's row. */
function passes(spec: Filter, sample: string, row: FilterRow): boolean {
  switch (spec.kind) {
    case 'text':
      return searchFields(row.image).some(
        (v) => typeof v === 'string' && foldText(v).includes(sample),
      )
    case 'flag':
      return spec.test(row)
    default:
      return [spec.read(row)].flat().includes(sample)
  }
}

describe.each(FILTERS.map((spec) => [spec.name, spec] as const))('filter %s', (name, spec) => {
  const sample = sampleOf(spec)
  const raw = `${name}=${encodeURIComponent(sample)}`

  it('is parsed by the route and written back unchanged', () => {
    const parsed = parseFilters({ [name]: sample }) as Record<string, unknown>
    expect(writeFilter(spec, parsed[name])).toBe(sample)
  })

  it('alone narrows the list to exactly the images that pass it, in the list and the export', async () => {
    const all = await list('')
    const body = await list(raw)
    const expected = images.filter((image) => passes(spec, sample, rowOf.get(image)!))
    expect(body.total).toBe(expected.length)
    expect(body.total).toBeGreaterThan(0)
    expect(body.total).toBeLessThan(all.total)
    const res = await app.request(`/api/images/export?format=json&${raw}`)
    expect(((await res.json()) as unknown[]).length).toBe(expected.length)
  })

  it.runIf('facet' in spec && spec.facet)(
    'has its facet, counted without its own filter',
    async () => {
      const facet = (spec as { facet: FacetName }).facet
      const body = await list(raw)
      const all = await list('')
      expect(body.facets[facet]).toEqual(all.facets[facet])
      expect(body.facets[facet][sample]).toBe(body.total)
    },
  )

  it('refuses a bad value with a 400 naming the parameter', async () => {
    const res = await app.request(`/api/images?${name}=a%01b`)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toContain(`"${name}"`)
  })
})

it('every facet of the response comes from a FILTERS row, and every row with a facet has one', async () => {
  const facets = FILTERS.flatMap((spec) => ('facet' in spec && spec.facet ? [spec.facet] : []))
  expect([...facets].sort()).toEqual([...FACET_NAMES].sort())
  expect(Object.keys((await list('')).facets).sort()).toEqual([...FACET_NAMES].sort())
})

it('a refused value names what the filter accepts', async () => {
  const messages: Record<string, RegExp> = {
    status: /status.*Making/,
    visibility: /visibility.*private, public/,
    failed: /failed.*1 or 0/,
    latest: /latest.*1 or 0/,
    reason: /reason.*0-9a-f/,
    q: /q.*too long/,
  }
  const bad: Record<string, string> = { q: 'x'.repeat(201), reason: 'NOT-A-KEY' }
  for (const [name, message] of Object.entries(messages)) {
    const res = await app.request(`/api/images?${name}=${bad[name] ?? 'Bogus'}`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message)
  }
})
