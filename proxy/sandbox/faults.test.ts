import { describe, expect, it } from 'vitest'
import { createLogger } from '../log'
import { signParams } from '../upstream/sign'
import { createFaultController, type FaultSettings } from './faults'
import { call, KEYS, listImages, sandbox, SCOPE, send } from './test-support'

const withFaults = (settings: FaultSettings, random?: () => number) =>
  sandbox({ faults: createFaultController(settings), random }).app
const signedList = (params: Record<string, string | number> = {}) =>
  signParams({ Action: 'DescribeCompShareCustomImages', ...SCOPE, ...params }, KEYS)

/** Blocks the thread, as CPU-bound work would. */
function busyFor(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until);
}

describe('fault settings', () => {
  it('latencyMs delays every call', async () => {
    const app = withFaults({ latencyMs: 80 })
    const started = performance.now()
    expect((await listImages(app)).RetCode).toBe(0)
    expect(performance.now() - started).toBeGreaterThanOrEqual(75)
  })

  it('latencyMs runs while the call is processed: the answer leaves at max(latency, processing)', async () => {
    // A log destination that blocks stands in for slow processing: the sandbox writes its call
    // line synchronously, after computing the answer and before it leaves.
    const work = 150
    const log = createLogger({
      level: 'debug',
      destination: { write: () => void busyFor(work) },
    })
    const timed = async (latencyMs: number) => {
      const app = sandbox({ faults: createFaultController({ latencyMs }), log }).app
      await listImages(app) // the catalog is generated on the first call; keep that out
      const started = performance.now()
      expect((await listImages(app)).RetCode).toBe(0)
      return performance.now() - started
    }
    // Latency longer than the work: the work hides inside it (in series it would be 350 ms).
    const long = await timed(200)
    expect(long).toBeGreaterThanOrEqual(195)
    expect(long).toBeLessThan(200 + work - 50)
    // Work longer than the latency: the latency adds nothing (in series it would be 200 ms).
    const short = await timed(50)
    expect(short).toBeGreaterThanOrEqual(work - 5)
    expect(short).toBeLessThan(work + 50 - 25)
  })

  it('gateway faults still wait out latencyMs before failing', async () => {
    for (const settings of [{ httpStatus: 502 }, { mode: 'non-json' }] as const) {
      const app = withFaults({ latencyMs: 80, ...settings })
      const started = performance.now()
      const res = await send(app, signedList())
      expect(await res.text()).toMatch(/^<html>/)
      expect(performance.now() - started).toBeGreaterThanOrEqual(75)
    }
  })

  it('failRate fails transiently with RetCode 150', async () => {
    expect(await listImages(withFaults({ failRate: 1 }))).toEqual({
      RetCode: 150,
      Action: 'DescribeCompShareCustomImagesResponse',
      Message: 'Service unavailable',
    })
    const rolls = [0.1, 0.9]
    const app = withFaults({ failRate: 0.5 }, () => rolls.shift()!)
    expect((await listImages(app)).RetCode).toBe(150)
    expect((await listImages(app)).RetCode).toBe(0)
  })

  it('retCode answers every call with that code and its message', async () => {
    for (const [retCode, message] of [
      [153, 'Too many requests'],
      [171, 'Signature VerifyAC Error'],
      [292, 'Project not found'],
    ] as const) {
      expect(await listImages(withFaults({ retCode }))).toMatchObject({
        RetCode: retCode,
        Message: message,
      })
    }
    expect(await listImages(withFaults({ retCode: 150, message: 'busy' }))).toMatchObject({
      Message: 'busy',
    })
  })

  it('httpStatus answers a gateway page with that status', async () => {
    const res = await send(withFaults({ httpStatus: 503 }), signedList())
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain('503')
  })

  it("'non-json' answers HTTP 200 with an HTML body", async () => {
    const res = await send(withFaults({ mode: 'non-json' }), signedList())
    expect(res.status).toBe(200)
    await expect(res.clone().json()).rejects.toThrow()
    expect(await res.text()).toMatch(/^<html>/)
  })

  it("'truncated' answers HTTP 200 JSON cut mid-way", async () => {
    const res = await send(withFaults({ mode: 'truncated' }), signedList())
    expect(res.headers.get('content-type')).toContain('application/json')
    const text = await res.text()
    expect(text.startsWith('{"RetCode":0')).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
  })

  it("'empty-set' answers an empty ImageSet with the real TotalCount", async () => {
    expect(await listImages(withFaults({ mode: 'empty-set' }))).toMatchObject({
      RetCode: 0,
      TotalCount: 240,
      ImageSet: [],
    })
  })

  it("'hang' never answers until the client gives up", async () => {
    const abort = new AbortController()
    let settled = false
    const pending = send(withFaults({ mode: 'hang' }), signedList(), 'form', {
      signal: abort.signal,
    })
    void pending.finally(() => (settled = true))
    await new Promise((r) => setTimeout(r, 100))
    expect(settled).toBe(false)
    abort.abort()
    await pending.catch(() => undefined)
    expect(settled).toBe(true)
  })

  it("'reset' is a network error (no socket under app.request)", async () => {
    const res = await send(withFaults({ mode: 'reset' }), signedList())
    expect(res.type).toBe('error')
  })

  it("'shift' moves the list between pages: a pager sees duplicates and gaps", async () => {
    const clean = (await listImages(sandbox().app, { Limit: 100 })).ImageSet.map(
      (i) => i.CompShareImageId,
    )
    const app = withFaults({ mode: 'shift' })
    const seen: unknown[] = []
    for (let offset = 0; offset < 240; offset += 20) {
      seen.push(
        ...(await listImages(app, { Offset: offset })).ImageSet.map((i) => i.CompShareImageId),
      )
    }
    expect(new Set(seen).size).toBeLessThan(seen.length) // duplicates
    expect(clean.some((id) => !seen.includes(id))).toBe(true) // gaps
    // An inserted image is found by id, while the shift lasts.
    const inserted = seen.find((id) => !clean.includes(id) && id !== undefined)
    expect(inserted).toBeDefined()
    const found = await listImages(app, { CompShareImageId: inserted as string })
    expect(found.ImageSet).toHaveLength(1)
  })

  it('slowOffset delays only the page starting there', async () => {
    const app = withFaults({ slowOffset: 20, slowMs: 300 })
    const timed = async (offset: number) => {
      const started = performance.now()
      await listImages(app, { Offset: offset })
      return performance.now() - started
    }
    const fast = await timed(0)
    const slow = await timed(20)
    expect(slow).toBeGreaterThanOrEqual(295)
    expect(fast).toBeLessThan(slow - 150)
  })

  it('actions limits faults to the named actions', async () => {
    const app = withFaults({ retCode: 153, actions: ['GetCompShareImageCreateProgress'] })
    expect((await listImages(app)).RetCode).toBe(0)
    const body = await call(app, 'GetCompShareImageCreateProgress', {
      ...SCOPE,
      CompShareImageId: 'x',
    })
    expect(body.RetCode).toBe(153)
  })

  it('times applies faults to the next N calls, then clears them', async () => {
    const faults = createFaultController({ retCode: 150, times: 2 })
    const { app } = sandbox({ faults })
    expect((await listImages(app)).RetCode).toBe(150)
    expect(faults.get()).toEqual({ retCode: 150, times: 1 })
    expect((await listImages(app)).RetCode).toBe(150)
    expect((await listImages(app)).RetCode).toBe(0)
    expect(faults.get()).toEqual({})
  })

  it('treats settings given as undefined as absent (no faults at all)', async () => {
    const faults = createFaultController({
      latencyMs: undefined,
      failRate: undefined,
      retCode: undefined,
    })
    expect(faults.get()).toEqual({})
    expect(faults.take('DescribeCompShareCustomImages')).toBeNull()
  })

  it('rejects invalid settings', () => {
    for (const bad of [
      { failRate: 2 },
      { mode: 'explode' },
      { latencyMs: -1 },
      { actions: ['DeleteEverything'] },
      { surprise: 1 },
    ]) {
      expect(() => createFaultController(bad as FaultSettings)).toThrow()
    }
  })
})
