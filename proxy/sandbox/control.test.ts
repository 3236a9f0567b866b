import { describe, expect, it } from 'vitest'
import { isLoopback } from './control'
import { call, jsonOf, listImages, LOOPBACK, REMOTE, sandbox, SCOPE } from './test-support'

const json = (body: unknown): RequestInit => ({
  method: 'PUT',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

describe('control routes', () => {
  it('refuse callers that are not on loopback, and callers of unknown address', async () => {
    const { app } = sandbox()
    for (const env of [REMOTE, undefined]) {
      for (const [path, init] of [
        ['/__sandbox/faults', {}],
        ['/__sandbox/faults', json({ retCode: 150 })],
        ['/__sandbox/stats', {}],
        ['/__sandbox/nope', {}],
      ] as const) {
        const res = await app.request(path, init, env)
        expect(res.status, path).toBe(403)
      }
    }
    expect((await listImages(app)).RetCode).toBe(0) // the refused PUT changed nothing
  })

  it('knows the loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(a)).toBe(true)
    for (const a of ['10.0.0.1', '::ffff:10.0.0.1', '0.0.0.0', '', undefined])
      expect(isLoopback(a)).toBe(false)
  })

  it('GET, PUT and DELETE /__sandbox/faults', async () => {
    const { app } = sandbox()
    const get = async () => (await app.request('/__sandbox/faults', {}, LOOPBACK)).json()
    expect(await get()).toEqual({})
    const put = await app.request('/__sandbox/faults', json({ retCode: 153, times: 3 }), LOOPBACK)
    expect(await put.json()).toEqual({ retCode: 153, times: 3 })
    expect((await listImages(app)).RetCode).toBe(153)
    expect(await get()).toEqual({ retCode: 153, times: 2 })
    await app.request('/__sandbox/faults', { method: 'DELETE' }, LOOPBACK)
    expect(await get()).toEqual({})
    expect((await listImages(app)).RetCode).toBe(0)
  })

  it('answers 400 to bad fault settings and keeps the old ones', async () => {
    const { app } = sandbox()
    await app.request('/__sandbox/faults', json({ latencyMs: 1 }), LOOPBACK)
    for (const body of [{ failRate: 1.5 }, { mode: 'explode' }, { retCode: 'x' }, [1], 'text']) {
      const res = await app.request('/__sandbox/faults', json(body), LOOPBACK)
      expect(res.status).toBe(400)
      expect((await jsonOf(res)).error).toBe('invalid fault settings')
    }
    const broken = await app.request('/__sandbox/faults', { method: 'PUT', body: '{' }, LOOPBACK)
    expect(broken.status).toBe(400)
    expect(await (await app.request('/__sandbox/faults', {}, LOOPBACK)).json()).toEqual({
      latencyMs: 1,
    })
  })

  it('counts API calls per action, not control calls; resets on request', async () => {
    const { app } = sandbox()
    await listImages(app)
    await listImages(app, { Offset: 20 })
    await call(app, 'DescribeCompShareSupportZone')
    await call(app, 'GetCompShareImageCreateProgress', { ...SCOPE, CompShareImageId: 'x' })
    await call(app, 'NoSuchAction')
    await app.request('/', { method: 'POST' })
    const stats = () => jsonOf(app.request('/__sandbox/stats', {}, LOOPBACK))
    expect(await stats()).toEqual({
      calls: {
        DescribeCompShareCustomImages: 2,
        GetCompShareImageCreateProgress: 1,
        DescribeCompShareSupportZone: 1,
      },
      total: 6,
    })
    const reset = await app.request('/__sandbox/stats/reset', { method: 'POST' }, LOOPBACK)
    expect((await jsonOf(reset)).total).toBe(0)
    expect((await stats()).total).toBe(0)
  })
})
