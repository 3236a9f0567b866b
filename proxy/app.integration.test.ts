import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { startStack, type Stack } from './test/stack'

let stack: Stack | undefined
afterEach(async () => {
  await stack?.close()
  stack = undefined
})

const listCalls = (s: Stack) => s.sandbox.stats.snapshot().calls.DescribeCompShareCustomImages

/**
 * The reference doc's own response example, wrong types and all: copied verbatim from
 * shared/api/DescribeCompShareCustomImages.txt ("Response Example") so the suite needs no file
 * outside the repository.
 */
function referenceExample(): unknown[] {
  const text = readFileSync(
    new URL('./test/fixtures/reference-response-example.json', import.meta.url),
    'utf8',
  )
  return (JSON.parse(text) as { ImageSet: unknown[] }).ImageSet
}

describe('proxy ↔ sandbox over HTTP', () => {
  it('serves health, zones, a filtered page, a detail with Readme, and an export', async () => {
    stack = await startStack()
    expect((await stack.get('/api/health')).body).toMatchObject({ ok: true, mode: 'sandbox' })

    const zones = await stack.get('/api/zones')
    expect(zones.body.zones).toContainEqual({
      region: 'cn-wlcb',
      zone: 'cn-wlcb-01',
      describe: '华北二A',
    })

    const list = await stack.get(
      '/api/images?status=UnAvailable&failed=1&sort=Size&order=asc&limit=5',
    )
    expect(list.status).toBe(200)
    expect(list.body.items).toHaveLength(5)
    expect(list.body.total).toBeGreaterThan(5)
    for (const item of list.body.items) {
      expect(item.Status).toBe('UnAvailable')
      expect(item.FailedReason).toBeTruthy()
      expect(item).not.toHaveProperty('Readme')
    }
    const sizes = list.body.items.map((i: { Size: number }) => i.Size)
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b))
    // The status facet ignores its own filter but keeps failed=1.
    expect(list.body.facets.status.UnAvailable).toBe(list.body.total)

    const id = list.body.items[0].CompShareImageId
    const detail = await stack.get(`/api/images/${id}`)
    expect(detail.body.CompShareImageId).toBe(id)
    expect(typeof detail.body.Readme).toBe('string')
    expect((await stack.get('/api/images/compshareImage-doesnotexist')).status).toBe(404)

    const csv = await stack.get('/api/images/export?format=csv&status=UnAvailable')
    const bytes = new Uint8Array(
      await (await fetch(`${stack.url}/api/images/export?format=csv`)).arrayBuffer(),
    )
    // UTF-8 BOM, so spreadsheet programs read the Chinese text correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="imagedeck-.*\.csv"/,
    )
    expect(csv.text.trim().split('\r\n')).toHaveLength(list.body.total + 1)
  })

  it('adds progress to a Making image', async () => {
    stack = await startStack()
    const making = await stack.get('/api/images?status=Making&limit=1')
    const detail = await stack.get(`/api/images/${making.body.items[0].CompShareImageId}`)
    expect(detail.body.progress).toMatchObject({ percent: expect.any(Number) })
  })

  it('makes one list fetch for 40 concurrent cold requests', async () => {
    stack = await startStack()
    const s = stack
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => s.get(`/api/images?offset=${i}&limit=1`)),
    )
    expect(answers.every((a) => a.status === 200)).toBe(true)
    // 240 images at Limit=100: one fetch is three pages.
    expect(listCalls(s)).toBe(3)
  })

  it('does not retry a wrong signature (171) and reports it as 502 with the API message', async () => {
    stack = await startStack({}, { privateKey: 'not-the-right-private-key-0000000000000000' })
    const res = await stack.get('/api/images')
    expect(res.status).toBe(502)
    expect(res.body.error).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retCode: 171,
      message: 'Signature VerifyAC Error',
    })
    expect(res.body.error.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(listCalls(stack)).toBe(1)
  })

  it("keeps the API's X-UCLOUD-REQUEST-UUID in the error body and the request's log line", async () => {
    stack = await startStack({ UCLOUD_MAX_RETRIES: '0' })
    stack.sandbox.faults.set({ retCode: 172 })
    const res = await stack.get('/api/images')
    expect(res.body.error.requestId).toMatch(/^[0-9a-f-]{36}$/)
    const line = stack.logs.find((l) => l.includes('"msg":"request"') && l.includes('/api/images'))
    expect(line).toContain(`"requestId":"${res.body.error.requestId}"`)
  })

  it('retries RetCode 150 then fails with it', async () => {
    stack = await startStack({ UCLOUD_MAX_RETRIES: '2' })
    stack.sandbox.faults.set({ retCode: 150 })
    const res = await stack.get('/api/images')
    expect(res.status).toBe(502)
    expect(res.body.error.retCode).toBe(150)
    expect(listCalls(stack)).toBe(3)
  })

  it('answers 503 for a non-JSON upstream body', async () => {
    stack = await startStack({ UCLOUD_MAX_RETRIES: '0' })
    stack.sandbox.faults.set({ mode: 'non-json' })
    const res = await stack.get('/api/images')
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe('UPSTREAM_UNAVAILABLE')
  })

  it('answers 504 within the timeout when the upstream hangs', async () => {
    stack = await startStack({ UCLOUD_TIMEOUT_MS: '500' })
    stack.sandbox.faults.set({ mode: 'hang' })
    const started = Date.now()
    const res = await stack.get('/api/images')
    expect(res.status).toBe(504)
    expect(res.body.error.code).toBe('UPSTREAM_TIMEOUT')
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('serves the last good list, flagged stale, when a refresh fails', async () => {
    stack = await startStack({ IMAGEDECK_CACHE_TTL_S: '0', UCLOUD_MAX_RETRIES: '0' })
    const good = await stack.get('/api/images?limit=3')
    expect(good.body.stale).toBe(false)
    stack.sandbox.faults.set({ retCode: 150 })
    const stale = await stack.get('/api/images?limit=3&fresh=1')
    expect(stale.status).toBe(200)
    expect(stale.body.stale).toBe(true)
    expect(stale.body.items).toEqual(good.body.items)
    expect(stale.body.fetchedAt).toBe(good.body.fetchedAt)
  })

  it("serves the reference doc's own response example without a crash", async () => {
    stack = await startStack({}, { fixture: referenceExample() })
    const list = await stack.get('/api/images')
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(1)
    const [item] = list.body.items
    expect(item).toMatchObject({
      CompShareImageId: 'hjNwBATq',
      Size: 4,
      Price: 9.99592,
      CreatedCount: null,
    })
    expect(item.malformed).toMatchObject({ CreatedCount: 'DQIOscsN', CreateTime: 'IFXxRGPj' })
    const detail = await stack.get('/api/images/hjNwBATq')
    expect(detail.body.Readme).toBe('ufXKfxWg')
  })

  it.each([
    ['status', 'status=Bogus', /status.*Making/],
    ['type', 'type=Weird', /type.*Custom/],
    ['visibility', 'visibility=maybe', /visibility.*private, public/],
    ['sort', 'sort=Nope', /sort.*CreateTime/],
    ['order', 'order=up', /order.*asc, desc/],
    ['offset', 'offset=-1', /offset/],
    ['limit', 'limit=101', /limit.*1 to 100/],
    ['limit', 'limit=abc', /limit/],
    ['failed', 'failed=yes', /failed.*1 or 0/],
    ['fresh', 'fresh=2', /fresh/],
    ['region', 'region=CN%20BJ', /region/],
    ['q', `q=${'x'.repeat(300)}`, /q.*too long/],
    ['q', 'q=a%00b', /control characters/],
    ['repeated', 'sort=Name&sort=Size', /more than once/],
  ])('answers 400 naming %s for %s', async (_name, query, message) => {
    stack ??= await startStack()
    const res = await stack.get(`/api/images?${query}`)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BAD_REQUEST')
    expect(res.body.error.message).toMatch(message)
  })

  it('never puts the private key in a response body or a log line', async () => {
    stack = await startStack({ IMAGEDECK_CACHE_TTL_S: '0', UCLOUD_MAX_RETRIES: '1' })
    const s = stack
    await s.get('/api/health')
    await s.get('/api/zones')
    const list = await s.get('/api/images?limit=100')
    await s.get(`/api/images/${list.body.items[0].CompShareImageId}`)
    await s.get('/api/images/export?format=json')
    await s.get('/api/images?sort=bad')
    s.sandbox.faults.set({ retCode: 171, message: 'echo of everything' })
    await s.get('/api/images?fresh=1')
    s.sandbox.faults.set({ mode: 'truncated' })
    await s.get('/api/images?fresh=1')
    expect(s.logs.length).toBeGreaterThan(5)
    for (const text of [...s.bodies, ...s.logs]) {
      expect(text).not.toContain(s.privateKey)
    }
    expect(s.logs.join('\n')).not.toMatch(/"Signature"\s*:\s*"[0-9a-f]{40}"/)
  })
})
