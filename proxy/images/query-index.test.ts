import { describe, expect, it } from 'vitest'
import type { Image } from '../contract/api'
import { buildIndex, queryImages, type ListQuery } from './query'
import { indexBuilder, VALUE_SPECS, warmIndex } from './query-index'
import { randomImages } from './test-images'

const tick = () => new Promise((resolve) => setImmediate(resolve))

const QUERIES: Partial<ListQuery>[] = [
  {},
  { q: 'torch', sort: 'Name', order: 'asc' },
  { status: ['Failed'], failed: true },
  { latest: true, sort: 'Size' },
  { tag: ['LLM'], gpu: ['A100', '4090'] },
]

describe('indexBuilder', () => {
  it('indexes pages arriving in any order exactly as a list read at once', async () => {
    const list = randomImages(600, 7)
    const pages = Array.from({ length: 6 }, (_, i) => list.slice(i * 100, i * 100 + 100))
    const builder = indexBuilder()
    // Out of order, some read before finish and some not, one page twice (a retried page).
    for (const page of [pages[3]!, pages[0]!, pages[5]!]) builder.add(page)
    await tick()
    builder.add(pages[1]!)
    builder.add(pages[3]!)
    const index = builder.finish(list)
    const reference = buildIndex(randomImages(600, 7))
    for (const query of QUERIES) {
      const got = queryImages(index, { offset: 0, limit: 50, ...query })
      const want = queryImages(reference, { offset: 0, limit: 50, ...query })
      expect(got.items.map((i) => i.CompShareImageId)).toEqual(
        want.items.map((i) => i.CompShareImageId),
      )
      expect(got.total).toBe(want.total)
      expect(got.facets).toEqual(want.facets)
    }
  })

  it('reads faceted filters without `latest`, which only the whole list knows', () => {
    // The builder reads those columns page by page, before `latest` is set (query-index.ts).
    const index = buildIndex(randomImages(200, 3))
    for (const spec of VALUE_SPECS.filter((s) => s.facet !== undefined)) {
      for (const row of index.rows) {
        const image = row.image as Image
        const asLatest = spec.read({ image, reasonKey: row.reasonKey, latest: true })
        const asOlder = spec.read({ image, reasonKey: row.reasonKey, latest: false })
        expect(asLatest, spec.name).toEqual(asOlder)
      }
    }
  })
  it('leaves the other columns for first use, and warmIndex reads them ahead of it', () => {
    const index = buildIndex(randomImages(50, 5))
    const faceted = VALUE_SPECS.filter((spec) => spec.facet !== undefined)
    expect([...index.columns.keys()]).toEqual(faceted)
    warmIndex(index)
    expect(new Set(index.columns.keys())).toEqual(new Set(VALUE_SPECS))
  })
})
