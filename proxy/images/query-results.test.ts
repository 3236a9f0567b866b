import { describe, expect, it } from 'vitest'
import { buildIndex, queryImages, type ListQuery } from './query'
import { cachedQuery, peekResult, RESULT_CACHE_SIZE } from './query-results'
import { randomImages } from './test-images'

const images = randomImages(600, 9)
const page = { offset: 0, limit: 20 }

describe('cachedQuery', () => {
  it('answers as queryImages, and identical queries on a snapshot share one result', () => {
    const index = buildIndex(images)
    const query: ListQuery = { q: 'pytorch', status: ['Available'], sort: 'Name', ...page }
    const first = cachedQuery(index, query)
    expect(first).toEqual(queryImages(buildIndex(images), query))
    expect(cachedQuery(index, { ...query })).toBe(first)
    // Spelt differently, asking the same: folded, reordered terms; defaults written out.
    expect(cachedQuery(index, { q: 'PyTorch', status: ['Available'], sort: 'Name', ...page })).toBe(
      first,
    )
    expect(cachedQuery(index, { q: 'a b', ...page })).toBe(
      cachedQuery(index, { q: ' b  A', ...page }),
    )
    expect(cachedQuery(index, { ...page, sort: 'CreateTime', order: 'desc', tag: [] })).toBe(
      cachedQuery(index, page),
    )
  })

  it('keeps apart queries that differ in anything that changes the answer', () => {
    const index = buildIndex(images)
    const base: ListQuery = { status: ['Available', 'Making'], ...page }
    const variants: ListQuery[] = [
      { ...base, offset: 20 },
      { ...base, limit: 50 },
      { ...base, order: 'asc' },
      { ...base, sort: 'Price' },
      { ...base, status: ['Making', 'Available'] }, // the facet's selected values keep their order
      { ...base, failed: true },
      { ...base, visibility: 'public' },
      { ...base, gpu: ['A100'] },
      { ...base, q: 'llm' },
    ]
    const results = new Set([base, ...variants].map((q) => cachedQuery(index, q)))
    expect(results.size).toBe(variants.length + 1)
  })

  it('holds at most RESULT_CACHE_SIZE results, least recently used out first', () => {
    const index = buildIndex(images)
    const nth = (k: number): ListQuery => ({ offset: k, limit: 1 })
    const first = cachedQuery(index, nth(0))
    const kept = cachedQuery(index, nth(1))
    for (let k = 2; k <= RESULT_CACHE_SIZE; k++) cachedQuery(index, nth(k))
    expect(cachedQuery(index, nth(1))).toBe(kept) // used again, so now the most recent
    expect(cachedQuery(index, nth(0))).not.toBe(first) // the oldest went
    expect(cachedQuery(index, nth(0))).toEqual(first)
  })

  it('peekResult finds a held result without computing one, and keeps it recent', () => {
    const index = buildIndex(images)
    expect(peekResult(index, page)).toBeUndefined()
    expect(peekResult(index, page)).toBeUndefined() // peeking computed nothing
    const held = cachedQuery(index, page)
    expect(peekResult(index, { ...page, sort: 'CreateTime' })).toBe(held)
    for (let k = 1; k < RESULT_CACHE_SIZE; k++) cachedQuery(index, { offset: k, limit: 1 })
    expect(peekResult(index, page)).toBe(held) // the peek made it the most recent
    cachedQuery(index, { offset: 0, limit: 1 })
    expect(peekResult(index, page)).toBe(held)
  })

  it('does not share results between snapshots, and shared results cannot be changed', () => {
    const a = cachedQuery(buildIndex(images), page)
    const b = cachedQuery(buildIndex(images.slice(1)), page)
    expect(b).not.toBe(a)
    expect(b.total).toBe(a.total - 1)
    expect(Object.isFrozen(a)).toBe(true)
    expect(Object.isFrozen(a.items)).toBe(true)
    expect(Object.isFrozen(a.facets.status)).toBe(true)
  })
})
