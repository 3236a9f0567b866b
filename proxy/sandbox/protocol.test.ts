import { describe, expect, it } from 'vitest'
import { signParams } from '../upstream/sign'
import { call, jsonOf, KEYS, listImages, sandbox, SCOPE, send } from './test-support'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const LIST = 'DescribeCompShareCustomImages'

describe('sandbox protocol', () => {
  const { app } = sandbox()

  it.each(['form', 'get', 'json'] as const)('accepts a signed %s request', async (encoding) => {
    const body = await call(app, LIST, { ...SCOPE, Limit: 5 }, encoding)
    expect(body).toMatchObject({ RetCode: 0, Action: `${LIST}Response`, TotalCount: 240 })
    expect(body.ImageSet).toHaveLength(5)
  })

  it('flattens a JSON body with nested values before verifying', async () => {
    const params = { Action: LIST, ...SCOPE, Extra: { Tags: ['a', 'b'], On: true } }
    const signed = signParams(params, KEYS)
    const res = await app.request('/any/path', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // The JSON body carries the nested shape; the signature covers its flattened form.
      body: JSON.stringify({ ...params, PublicKey: KEYS.publicKey, Signature: signed.Signature }),
    })
    expect((await jsonOf(res)).RetCode).toBe(0)
  })

  it('answers HTTP 200 JSON with a v4 X-UCLOUD-REQUEST-UUID, also on errors', async () => {
    for (const params of [signParams({ Action: LIST, ...SCOPE }, KEYS), {}]) {
      const res = await send(app, params)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('application/json')
      expect(res.headers.get('X-UCLOUD-REQUEST-UUID')).toMatch(UUID_V4)
    }
  })

  it('160 without an Action, echoing a bare "Response"', async () => {
    const body = await (await send(app, { Region: 'cn-wlcb' })).json()
    expect(body).toEqual({ RetCode: 160, Action: 'Response', Message: 'Missing Action' })
  })

  it('161 for an unknown Action (after the signature checks out)', async () => {
    const body = await call(app, 'CreateCompShareInstance', SCOPE)
    expect(body).toEqual({
      RetCode: 161,
      Action: 'CreateCompShareInstanceResponse',
      Message: 'Action [CreateCompShareInstance] not found',
    })
  })

  it('170 without a Signature', async () => {
    const { Signature: _, ...unsigned } = signParams({ Action: LIST, ...SCOPE }, KEYS)
    const body = await (await send(app, unsigned)).json()
    expect(body).toMatchObject({
      RetCode: 170,
      Message: 'Missing signature',
      Action: `${LIST}Response`,
    })
  })

  it('171 for a wrong signature or a tampered parameter', async () => {
    const signed = signParams({ Action: LIST, ...SCOPE }, KEYS)
    const wrongKey = signParams({ Action: LIST, ...SCOPE }, { ...KEYS, privateKey: 'f'.repeat(40) })
    for (const params of [
      { ...signed, Zone: 'cn-wlcb-02' },
      wrongKey,
      { ...signed, Signature: 'abc' },
    ]) {
      const body = await (await send(app, params)).json()
      expect(body).toMatchObject({ RetCode: 171, Message: 'Signature VerifyAC Error' })
    }
  })

  it('172 for an unknown or missing PublicKey', async () => {
    const stranger = signParams({ Action: LIST, ...SCOPE }, { ...KEYS, publicKey: 'nobody' })
    const { PublicKey: _, ...keyless } = signParams({ Action: LIST, ...SCOPE }, KEYS)
    for (const params of [stranger, keyless]) {
      const body = await (await send(app, params)).json()
      expect(body).toMatchObject({ RetCode: 172, Message: 'User Not Exists' })
    }
  })

  it('220 for a missing Region or Zone, 230 for a bad one, 292 for an unknown project', async () => {
    const cases = [
      [{ Zone: 'cn-wlcb-01' }, 220, 'Missing params [Region]'],
      [{ Region: 'cn-wlcb' }, 220, 'Missing params [Zone]'],
      [{ Region: 'cn-nowhere', Zone: 'cn-wlcb-01' }, 230, 'Params [Region] not available'],
      [{ Region: 'cn-wlcb', Zone: 'cn-sh2-01' }, 230, 'Params [Zone] not available'],
      [{ ...SCOPE, ProjectId: 'org-unknown' }, 292, 'Project not found'],
    ] as const
    for (const [params, retCode, message] of cases) {
      expect(await call(app, LIST, params)).toMatchObject({ RetCode: retCode, Message: message })
    }
  })

  it('Offset and Limit: defaults, clamping and bad values', async () => {
    const defaults = await listImages(app)
    expect(defaults.ImageSet).toHaveLength(20)
    expect((await listImages(app, { Limit: 500 })).ImageSet).toHaveLength(100)
    expect((await listImages(app, { Offset: 230, Limit: 50 })).ImageSet).toHaveLength(10)
    const beyond = await listImages(app, { Offset: 1000 })
    expect(beyond).toMatchObject({ RetCode: 0, TotalCount: 240, ImageSet: [] })
    for (const bad of [
      { Limit: 0 },
      { Limit: -1 },
      { Limit: 'ten' },
      { Offset: -5 },
      { Offset: 1.5 },
    ]) {
      const body = await listImages(app, bad)
      expect(body.RetCode).toBe(230)
      expect(body.Message).toMatch(/^Params \[(Limit|Offset)\] not available$/)
    }
  })
})
