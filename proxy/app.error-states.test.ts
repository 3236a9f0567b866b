import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStack, type Stack } from './test/stack'

/**
 * Issue 10 item 7, proxy side: an error body tells the proxy's own status (the response's) from
 * the CompShare API's (`upstreamStatus`), and a stale list says why its refresh failed
 * (`staleReason`). Real loopback HTTP, proxy ↔ sandbox.
 */
describe('error states (240 images, timeout 800 ms, 2 retries, no backoff wait)', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack(
      {
        UCLOUD_TIMEOUT_MS: '800',
        UCLOUD_MAX_RETRIES: '2',
        IMAGEDECK_CACHE_TTL_S: '0',
        UCLOUD_MAX_RPS: '1000',
        UCLOUD_RPS_BURST: '1000',
      },
      { upstreamDeps: { random: () => 0 } },
    )
  })
  afterAll(() => s.close())
  beforeEach(() => {
    s.sandbox.faults.clear()
    s.cache.clear()
  })

  it('HTTP 502 from CompShare: the proxy answers 503 and names both statuses apart', async () => {
    s.sandbox.faults.set({ httpStatus: 502 })
    const res = await s.get('/api/images')
    expect(res.status).toBe(503)
    expect(res.body.error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'The CompShare API answered HTTP 502 Bad Gateway',
      upstreamStatus: 502,
    })
  })

  it('a RetCode: 502 with the API message verbatim, its RetCode and the API’s HTTP 200', async () => {
    s.sandbox.faults.set({ retCode: 292 })
    const res = await s.get('/api/images')
    expect(res.status).toBe(502)
    expect(res.body.error).toMatchObject({
      code: 'UPSTREAM_ERROR',
      message: 'Project not found',
      retCode: 292,
      upstreamStatus: 200,
    })
  })

  it('an unknown project is RetCode 292 from the sandbox, as from the API (design.md §2)', async () => {
    const res = await s.get('/api/images?project=org-nope')
    expect([res.status, res.body.error.code, res.body.error.retCode]).toEqual([
      502,
      'UPSTREAM_ERROR',
      292,
    ])
  })

  it('a connection reset has no upstream status (CompShare never answered)', async () => {
    s.sandbox.faults.set({ mode: 'reset' })
    const res = await s.get('/api/images')
    expect(res.status).toBe(503)
    expect(res.body.error.message).toMatch(/^The CompShare API request failed: /)
    expect(res.body.error).not.toHaveProperty('upstreamStatus')
  })

  it('a stale list carries the failed refresh’s reason; a good refresh drops it', async () => {
    const good = await s.get('/api/images?limit=3')
    expect(good.body.stale).toBe(false)
    expect(good.body).not.toHaveProperty('staleReason')

    const before = Date.now()
    s.sandbox.faults.set({ retCode: 171 })
    const stale = await s.get('/api/images?limit=3&fresh=1')
    expect(stale.status).toBe(200)
    expect(stale.body).toMatchObject({
      stale: true,
      fetchedAt: good.body.fetchedAt,
      staleReason: {
        code: 'UPSTREAM_ERROR',
        message: 'Signature VerifyAC Error',
        retCode: 171,
        upstreamStatus: 200,
      },
    })
    expect(stale.body.staleReason.failedAt).toBeGreaterThanOrEqual(before)
    // The triage view's answer comes from the same cache and says the same (TTL 0: it tried again).
    const failures = await s.get('/api/failures')
    const { failedAt: _at, ...reason } = stale.body.staleReason
    expect(failures.body).toMatchObject({ stale: true, staleReason: reason })

    s.sandbox.faults.set({ httpStatus: 503 })
    const again = await s.get('/api/images?limit=3&fresh=1')
    expect(again.body.staleReason).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'The CompShare API answered HTTP 503 Service Unavailable',
      upstreamStatus: 503,
    })

    s.sandbox.faults.clear()
    const fresh = await s.get('/api/images?limit=3&fresh=1')
    expect(fresh.body.stale).toBe(false)
    expect(fresh.body).not.toHaveProperty('staleReason')
  })
})
