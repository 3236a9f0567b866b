import { describe, expect, it } from 'vitest'
import { buildIndex, queryImages, type ListQuery } from './query'
import { randomImages } from './test-images'

/** Median milliseconds of `runs` calls. */
function median(runs: number, work: () => void): number {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now()
    work()
    return performance.now() - start
  })
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

// A smoke test against gross regressions, with bounds 10-20× what a loaded 2-core machine
// measures; the real figures belong to `npm run bench`.
describe('query performance (100,000 images)', () => {
  const images = randomImages(100_000, 3)
  const index = buildIndex(images)
  const query: ListQuery = {
    q: 'pytorch 镜像',
    status: ['Available', 'Making'],
    gpu: ['A100', 'H100'],
    sort: 'Price',
    order: 'asc',
    offset: 40,
    limit: 20,
  }

  it('answers search + two filters + sort + facets + a page in tens of milliseconds', () => {
    queryImages(index, query) // builds the Price order once
    const cold = median(5, () => {
      index.termCache.clear()
      queryImages(index, query)
    })
    const warm = median(9, () => queryImages(index, query))
    const plain = median(9, () => queryImages(index, { offset: 0, limit: 20 }))
    expect(queryImages(index, query).items).toHaveLength(20)
    expect(cold).toBeLessThan(200)
    expect(warm).toBeLessThan(100)
    expect(plain).toBeLessThan(100)
  })
})
