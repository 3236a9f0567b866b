import { describe, expect, it, vi } from 'vitest'
import type { Image, Scope } from '../contract/api'
import { createListCache, type ListCacheOptions, type LoadContext } from './list-cache'
import { numberedImages } from './test-images'

const scope: Scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' }
const other: Scope = { region: 'cn-wlcb', zone: 'cn-wlcb-02', project: '' }

/** A load whose every call waits until the test settles it. */
function controllableLoad() {
  const calls: {
    scope: Scope
    signal?: AbortSignal
    resolve: (v: Image[]) => void
    reject: (e: unknown) => void
  }[] = []
  const load = vi.fn(
    (s: Scope, { signal }: LoadContext) =>
      new Promise<Image[]>((resolve, reject) => calls.push({ scope: s, signal, resolve, reject })),
  )
  const last = () => calls[calls.length - 1]!
  return { load, calls, last }
}

function setup(overrides: Partial<ListCacheOptions> = {}) {
  let time = 1_000_000
  const clock = { now: () => time, advance: (ms: number) => (time += ms) }
  const upstream = controllableLoad()
  const onError = vi.fn()
  const cache = createListCache({
    load: upstream.load,
    ttlMs: 15_000,
    now: clock.now,
    onError,
    ...overrides,
  })
  return { cache, clock, upstream, onError }
}

/** Lets pending promise callbacks run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createListCache', () => {
  it('loads once, then serves from memory until the TTL passes', async () => {
    const { cache, clock, upstream } = setup()
    const first = cache.get(scope)
    upstream.last().resolve(numberedImages(3))
    const { snapshot, stale } = await first
    expect(stale).toBe(false)
    expect(snapshot.index.images).toHaveLength(3)
    expect(snapshot.fetchedAt).toBe(1_000_000)
    clock.advance(14_999)
    expect((await cache.get(scope)).snapshot).toBe(snapshot)
    expect(upstream.load).toHaveBeenCalledTimes(1)
    clock.advance(1)
    await cache.get(scope)
    expect(upstream.load).toHaveBeenCalledTimes(2)
  })

  it('keeps no Readme in a snapshot, should a list answer carry one', async () => {
    const { cache, upstream } = setup()
    const pending = cache.get(scope)
    const [first, second] = numberedImages(2)
    upstream.last().resolve([{ ...first!, Readme: '# long' }, second!])
    const { snapshot } = await pending
    expect(snapshot.index.images[0]).not.toHaveProperty('Readme')
    expect(snapshot.index.images[0]).toEqual(first)
  })

  it('shares one load among 40 concurrent cold requests', async () => {
    const { cache, upstream } = setup()
    const pending = Array.from({ length: 40 }, () => cache.get(scope))
    expect(upstream.load).toHaveBeenCalledTimes(1)
    upstream.last().resolve(numberedImages(2))
    const results = await Promise.all(pending)
    expect(new Set(results.map((r) => r.snapshot)).size).toBe(1)
    expect(upstream.load).toHaveBeenCalledTimes(1)
  })

  it('keeps scopes apart', async () => {
    const { cache, upstream } = setup()
    const a = cache.get(scope)
    const b = cache.get(other)
    expect(upstream.calls.map((c) => c.scope)).toEqual([scope, other])
    upstream.calls[0]!.resolve(numberedImages(1))
    upstream.calls[1]!.resolve(numberedImages(2))
    expect((await a).snapshot.index.images).toHaveLength(1)
    expect((await b).snapshot.index.images).toHaveLength(2)
    expect(cache.peek(other)?.scope).toEqual(other)
  })

  it('refreshes on fresh: true, and a fresh request during a load joins it', async () => {
    const { cache, upstream } = setup()
    const first = cache.get(scope)
    const joined = cache.get(scope, { fresh: true })
    expect(upstream.load).toHaveBeenCalledTimes(1)
    upstream.last().resolve(numberedImages(1))
    expect((await joined).snapshot).toBe((await first).snapshot)
    const bypass = cache.get(scope, { fresh: true })
    expect(upstream.load).toHaveBeenCalledTimes(2)
    upstream.last().resolve(numberedImages(5))
    expect((await bypass).snapshot.index.images).toHaveLength(5)
  })

  it('serves the last good list as stale when a refresh fails, sparing upstream', async () => {
    const { cache, clock, upstream, onError } = setup()
    const first = cache.get(scope)
    upstream.last().resolve(numberedImages(3))
    const good = (await first).snapshot
    // Past the stale-while-revalidate bound (10 × TTL), so requests wait for the refresh.
    clock.advance(200_000)
    const failing = Array.from({ length: 5 }, () => cache.get(scope))
    const error = new Error('upstream down')
    upstream.last().reject(error)
    for (const result of await Promise.all(failing))
      expect(result).toEqual({ snapshot: good, stale: true })
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(scope, error)
    // Within min(ttl, 5 s) of the failure: stale again, no new attempt, even when asked fresh.
    clock.advance(4_999)
    expect(await cache.get(scope)).toEqual({ snapshot: good, stale: true })
    expect(await cache.get(scope, { fresh: true })).toEqual({ snapshot: good, stale: true })
    expect(upstream.load).toHaveBeenCalledTimes(2)
    // After it, one new attempt; when it succeeds the list is fresh again.
    clock.advance(1)
    const retry = cache.get(scope)
    expect(upstream.load).toHaveBeenCalledTimes(3)
    upstream.last().resolve(numberedImages(6))
    expect(await retry).toMatchObject({ stale: false })
    expect((await cache.get(scope)).snapshot.index.images).toHaveLength(6)
  })

  it('throws to every waiter when nothing can stand in, then retries', async () => {
    const { cache, upstream, onError } = setup()
    const waiters = Array.from({ length: 3 }, () => cache.get(scope))
    const error = new Error('RetCode 171')
    upstream.last().reject(error)
    for (const waiter of waiters) await expect(waiter).rejects.toBe(error)
    expect(onError).not.toHaveBeenCalled()
    expect(cache.peek(scope)).toBeUndefined()
    const retry = cache.get(scope)
    expect(upstream.load).toHaveBeenCalledTimes(2)
    upstream.last().resolve(numberedImages(1))
    expect(await retry).toMatchObject({ stale: false })
  })

  it('recovers from a load that throws synchronously, with and without a snapshot', async () => {
    let time = 0
    let mode: 'ok' | 'throw' = 'throw'
    const load = vi.fn((() => {
      if (mode === 'throw') throw new Error('sync boom')
      return Promise.resolve(numberedImages(1))
    }) as ListCacheOptions['load'])
    const cache = createListCache({ ttlMs: 1000, now: () => time, load })
    await expect(cache.get(scope)).rejects.toThrow('sync boom')
    mode = 'ok'
    expect(await cache.get(scope)).toMatchObject({ stale: false })
    mode = 'throw'
    time += 20_000
    expect(await cache.get(scope)).toMatchObject({ stale: true })
    mode = 'ok'
    time += 20_000
    expect(await cache.get(scope)).toMatchObject({ stale: false })
    expect(load).toHaveBeenCalledTimes(4)
  })

  it('evicts the least recently used scope beyond maxEntries', async () => {
    const { cache, upstream } = setup({ maxEntries: 2 })
    const scopes = ['a', 'b', 'c'].map((project) => ({ ...scope, project }))
    const load = async (s: Scope) => {
      const pending = cache.get(s)
      upstream.last().resolve(numberedImages(1))
      return pending
    }
    await load(scopes[0]!)
    await load(scopes[1]!)
    await cache.get(scopes[0]!) // a is now the most recently used
    await load(scopes[2]!)
    expect(cache.peek(scopes[0]!)).toBeDefined()
    expect(cache.peek(scopes[1]!)).toBeUndefined()
    expect(cache.peek(scopes[2]!)).toBeDefined()
  })

  it('strips Readme from stored images and builds the index once per snapshot', async () => {
    const { cache, upstream } = setup()
    const pending = cache.get(scope)
    const [withReadme, plain] = numberedImages(2)
    upstream.last().resolve([{ ...withReadme!, Readme: '# hello' }, plain!])
    const { snapshot } = await pending
    expect(snapshot.index.images.map((image) => 'Readme' in image)).toEqual([false, false])
    expect(snapshot.index.images[1]).toBe(plain)
    expect((await cache.get(scope)).snapshot.index).toBe(snapshot.index)
  })

  it('clear() forgets everything and aborts loads in flight', async () => {
    const { cache, upstream } = setup()
    const pending = cache.get(scope)
    const { signal } = upstream.last()
    cache.clear()
    expect(signal?.aborted).toBe(true)
    upstream.last().reject(signal?.reason)
    await expect(pending).rejects.toThrow('list cache cleared')
    await flush()
    expect(cache.peek(scope)).toBeUndefined()
  })

  it('still serves a stale list when onError throws', async () => {
    const { cache, clock, upstream } = setup({
      onError: () => {
        throw new Error('logger broke')
      },
    })
    const first = cache.get(scope)
    upstream.last().resolve(numberedImages(1))
    await first
    clock.advance(200_000)
    const pending = cache.get(scope)
    upstream.last().reject(new Error('down'))
    expect(await pending).toMatchObject({ stale: true })
  })
})

/** Whether `promise` has settled once pending callbacks have run (it never waits on a load). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending')
  return (await Promise.race([promise, flush().then(() => pending)])) !== pending
}

describe('createListCache: stale-while-revalidate (issue 12 item 10)', () => {
  async function loaded(overrides: Partial<ListCacheOptions> = {}) {
    const context = setup(overrides)
    const first = context.cache.get(scope)
    context.upstream.last().resolve(numberedImages(3))
    return { ...context, old: (await first).snapshot }
  }

  it('past the TTL, answers at once from the cached list and refreshes it behind the answer', async () => {
    const { cache, clock, upstream, old } = await loaded()
    clock.advance(15_000)
    const served = cache.get(scope)
    expect(await settled(served)).toBe(true)
    expect(await served).toEqual({ snapshot: old, stale: false })
    expect(upstream.load).toHaveBeenCalledTimes(2)
    // Requests during the refresh share it and are answered from the cached list too.
    expect(await cache.get(scope)).toEqual({ snapshot: old, stale: false })
    expect(upstream.load).toHaveBeenCalledTimes(2)
    upstream.last().resolve(numberedImages(5))
    await flush()
    const next = await cache.get(scope)
    expect(next.snapshot.index.images).toHaveLength(5)
    expect(next.snapshot.fetchedAt).toBe(1_015_000)
  })

  it('fresh: true still waits for the refetch', async () => {
    const { cache, clock, upstream } = await loaded()
    clock.advance(15_000)
    const fresh = cache.get(scope, { fresh: true })
    expect(await settled(fresh)).toBe(false)
    upstream.last().resolve(numberedImages(7))
    expect((await fresh).snapshot.index.images).toHaveLength(7)
  })

  it('waits for the refetch once the list is older than the bound (10 × TTL by default)', async () => {
    const { cache, clock, upstream, old } = await loaded()
    clock.advance(149_999)
    expect((await cache.get(scope)).snapshot).toBe(old)
    upstream.last().reject(new Error('down'))
    await flush()
    clock.advance(5_000) // past the retry pause after that failure
    const waiting = cache.get(scope)
    expect(await settled(waiting)).toBe(false)
    upstream.last().resolve(numberedImages(2))
    expect(await waiting).toMatchObject({ stale: false })
    expect((await waiting).snapshot.index.images).toHaveLength(2)
  })

  it('takes its bound from maxStaleMs', async () => {
    const { cache, clock } = await loaded({ maxStaleMs: 20_000 })
    clock.advance(20_000)
    expect(await settled(cache.get(scope))).toBe(false)
  })

  it('after a failed background refresh, keeps serving the list marked stale', async () => {
    const { cache, clock, upstream, onError, old } = await loaded()
    clock.advance(16_000)
    expect(await cache.get(scope)).toEqual({ snapshot: old, stale: false })
    const error = new Error('upstream down')
    upstream.last().reject(error)
    await flush()
    expect(onError).toHaveBeenCalledWith(scope, error)
    expect(await cache.get(scope)).toEqual({ snapshot: old, stale: true })
    expect(upstream.load).toHaveBeenCalledTimes(2)
    // After the retry pause: still answered at once, stale, while another refresh runs.
    clock.advance(5_000)
    const served = cache.get(scope)
    expect(await settled(served)).toBe(true)
    expect(await served).toEqual({ snapshot: old, stale: true })
    expect(upstream.load).toHaveBeenCalledTimes(3)
    upstream.last().resolve(numberedImages(4))
    await flush()
    expect(await cache.get(scope)).toMatchObject({ stale: false })
    expect((await cache.get(scope)).snapshot.index.images).toHaveLength(4)
  })
})
