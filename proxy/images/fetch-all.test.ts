import { describe, expect, it } from 'vitest'
import type { Image } from '../contract/api'
import { fetchAllImages, type FetchPage } from './fetch-all'
import { makeImage, numberedImages } from './test-images'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface FakeOptions {
  totalCount?: (list: readonly Image[]) => number | null
  delayMs?: (offset: number) => number
  /** Called after each page is served: lets a test move the list between pages. */
  afterPage?: (offset: number, list: Image[]) => void
  failAt?: number
}

/** An upstream that serves `list` by Offset/Limit and records what it was asked. */
function fakeUpstream(list: Image[], options: FakeOptions = {}) {
  const calls: { offset: number; limit: number }[] = []
  const aborted: number[] = []
  let inFlight = 0
  let maxInFlight = 0
  const fetchPage: FetchPage = async (page, signal) => {
    calls.push(page)
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      await sleep(options.delayMs?.(page.offset) ?? 1)
      if (signal?.aborted) {
        aborted.push(page.offset)
        throw signal.reason
      }
      if (page.offset === options.failAt) throw new Error(`page at ${page.offset} failed`)
      const images = list.slice(page.offset, page.offset + page.limit)
      const totalCount = options.totalCount ? options.totalCount(list) : list.length
      options.afterPage?.(page.offset, list)
      return { images, totalCount }
    } finally {
      inFlight--
    }
  }
  return { fetchPage, calls, aborted, maxInFlight: () => maxInFlight }
}

describe('fetchAllImages', () => {
  it('fetches offset 0 first, then exactly the pages TotalCount calls for', async () => {
    const upstream = fakeUpstream(numberedImages(950))
    const result = await fetchAllImages(upstream.fetchPage)
    expect(result.pages).toBe(10)
    expect(result.totalCount).toBe(950)
    expect(result.images.map((i) => i.CompShareImageId)).toEqual(
      numberedImages(950).map((i) => i.CompShareImageId),
    )
    expect(upstream.calls[0]).toEqual({ offset: 0, limit: 100 })
    expect(upstream.calls.map((c) => c.offset).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => i * 100),
    )
  })

  it('fetches one page for a short list and one for an empty list', async () => {
    const short = fakeUpstream(numberedImages(7))
    expect((await fetchAllImages(short.fetchPage)).pages).toBe(1)
    const empty = fakeUpstream([])
    const result = await fetchAllImages(empty.fetchPage)
    expect(result).toEqual({ images: [], pages: 1, totalCount: 0 })
  })

  it('never has more requests in flight than the concurrency bound', async () => {
    const upstream = fakeUpstream(numberedImages(2000), { delayMs: (o) => 2 + ((o / 100) % 3) })
    const result = await fetchAllImages(upstream.fetchPage, { concurrency: 3 })
    expect(result.images).toHaveLength(2000)
    expect(upstream.maxInFlight()).toBe(3)
    const one = fakeUpstream(numberedImages(500))
    await fetchAllImages(one.fetchPage, { concurrency: 1 })
    expect(one.maxInFlight()).toBe(1)
  })

  it('keeps page order even when later pages answer first', async () => {
    const upstream = fakeUpstream(numberedImages(400), { delayMs: (o) => (o === 100 ? 20 : 1) })
    const { images } = await fetchAllImages(upstream.fetchPage)
    expect(images.map((i) => i.CompShareImageId)).toEqual(
      numberedImages(400).map((i) => i.CompShareImageId),
    )
  })

  it('honours pageSize, capped at the API maximum of 100', async () => {
    const small = fakeUpstream(numberedImages(95))
    expect((await fetchAllImages(small.fetchPage, { pageSize: 10 })).pages).toBe(10)
    const big = fakeUpstream(numberedImages(250))
    await fetchAllImages(big.fetchPage, { pageSize: 500 })
    expect(big.calls.every((c) => c.limit === 100)).toBe(true)
  })

  it('pages sequentially until a short page when TotalCount is null', async () => {
    const upstream = fakeUpstream(numberedImages(350), { totalCount: () => null })
    const result = await fetchAllImages(upstream.fetchPage)
    expect(result).toMatchObject({ pages: 4, totalCount: null })
    expect(result.images).toHaveLength(350)
    expect(upstream.calls.map((c) => c.offset)).toEqual([0, 100, 200, 300])
    expect(upstream.maxInFlight()).toBe(1)
  })

  it('treats a TotalCount below the first page as unusable and pages on', async () => {
    const upstream = fakeUpstream(numberedImages(250), { totalCount: () => 3 })
    const result = await fetchAllImages(upstream.fetchPage)
    expect(result).toMatchObject({ pages: 3, totalCount: null })
    expect(result.images).toHaveLength(250)
  })

  it('stops at an empty page even when TotalCount claims more', async () => {
    const upstream = fakeUpstream(numberedImages(150), { totalCount: () => 100_000 })
    const result = await fetchAllImages(upstream.fetchPage, { concurrency: 2 })
    expect(result.images).toHaveLength(150)
    // Pages 0 and 1 have rows; 2 is empty and stops the pool (3 may already be in flight).
    expect(upstream.calls.length).toBeLessThanOrEqual(4)
  })

  it('fails at once when the first page is empty but TotalCount claims images', async () => {
    const upstream = fakeUpstream([], { totalCount: () => 500 })
    await expect(fetchAllImages(upstream.fetchPage)).rejects.toThrow(
      'The API reported 500 images but returned none',
    )
    expect(upstream.calls).toHaveLength(1)
  })

  it('takes an empty first page with TotalCount 0 as an empty account', async () => {
    const upstream = fakeUpstream([], { totalCount: () => 0 })
    expect(await fetchAllImages(upstream.fetchPage)).toMatchObject({ images: [], pages: 1 })
  })

  it('stops at maxPages, with or without a TotalCount', async () => {
    const counted = fakeUpstream(numberedImages(1000))
    expect((await fetchAllImages(counted.fetchPage, { maxPages: 3 })).images).toHaveLength(300)
    expect(counted.calls).toHaveLength(3)
    const endless: FetchPage = async (page) => ({
      images: numberedImages(page.limit, `p${page.offset}`),
      totalCount: null,
    })
    const result = await fetchAllImages(endless, { maxPages: 5 })
    expect(result.pages).toBe(5)
    expect(result.images).toHaveLength(500)
  })

  it('removes duplicates by id, keeping the first, and keeps every row without an id', async () => {
    const list = [
      makeImage({ CompShareImageId: 'a', Name: 'first a' }),
      makeImage({ CompShareImageId: null, Name: 'no id 1' }),
      makeImage({ CompShareImageId: 'b' }),
      makeImage({ CompShareImageId: 'a', Name: 'second a' }),
      makeImage({ CompShareImageId: null, Name: 'no id 2' }),
    ]
    const { images } = await fetchAllImages(fakeUpstream(list).fetchPage, { pageSize: 2 })
    expect(images.map((i) => i.Name ?? i.CompShareImageId)).toEqual([
      'first a',
      'no id 1',
      'b',
      'no id 2',
    ])
  })

  it('removes the duplicates a list shifting between pages produces', async () => {
    // A new image lands at the top after page 0 is served: every later row moves down by one, so
    // the last row of each page shows up again at the start of the next.
    const list = numberedImages(300)
    const upstream = fakeUpstream(list, {
      afterPage: (offset, current) => {
        if (offset === 0) current.unshift(makeImage({ CompShareImageId: 'new' }))
      },
    })
    const { images } = await fetchAllImages(upstream.fetchPage, { concurrency: 1 })
    const ids = images.map((i) => i.CompShareImageId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(numberedImages(300).map((i) => i.CompShareImageId))
    // The plan was 3 pages; a later page reported 301 rows, so the row pushed past it is fetched.
    expect(upstream.calls.map((c) => c.offset)).toEqual([0, 100, 200, 300])
  })

  it('fails as a whole when one page fails, and aborts the requests still running', async () => {
    const upstream = fakeUpstream(numberedImages(1000), {
      failAt: 200,
      delayMs: (o) => (o === 200 ? 1 : 30),
    })
    await expect(fetchAllImages(upstream.fetchPage, { concurrency: 4 })).rejects.toThrow(
      'page at 200 failed',
    )
    // Pages 100, 300 and 400 were in flight and saw the abort; no later page was started.
    expect(upstream.aborted.sort((a, b) => a - b)).toEqual([100, 300, 400])
    expect(upstream.calls).toHaveLength(5)
  })

  it('fails when the first page fails', async () => {
    const upstream = fakeUpstream(numberedImages(500), { failAt: 0 })
    await expect(fetchAllImages(upstream.fetchPage)).rejects.toThrow('page at 0 failed')
    expect(upstream.calls).toHaveLength(1)
  })

  it('aborts with the caller signal', async () => {
    const upstream = fakeUpstream(numberedImages(1000), { delayMs: () => 20 })
    const controller = new AbortController()
    const pending = fetchAllImages(upstream.fetchPage, { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('client went away')), 30)
    await expect(pending).rejects.toThrow('client went away')
    const before = new AbortController()
    before.abort(new Error('already'))
    await expect(fetchAllImages(upstream.fetchPage, { signal: before.signal })).rejects.toThrow(
      'already',
    )
  })
})
