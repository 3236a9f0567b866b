import { afterEach, describe, expect, it } from 'vitest'
import { signParams } from '../upstream/sign'
import { jsonOf } from './test-support'
import { startSandbox, type RunningSandbox } from './server'

const running: RunningSandbox[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
})

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  const sandbox = await startSandbox(options)
  running.push(sandbox)
  return sandbox
}

/** A signed form POST, as the official SDKs send it (design.md §2). */
function post(
  sandbox: RunningSandbox,
  params: Record<string, string | number>,
  signal?: AbortSignal,
) {
  const signed = signParams({ Region: 'cn-wlcb', Zone: 'cn-wlcb-01', ...params }, sandbox.keys)
  return fetch(`${sandbox.url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'User-Agent': 'ImageDeck-test',
    },
    body: new URLSearchParams(signed),
    signal,
  })
}

const putFaults = (sandbox: RunningSandbox, body: unknown) =>
  fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('startSandbox on a real port', () => {
  it('answers a signed form POST with fetch', async () => {
    const sandbox = await start()
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.keys.privateKey).toMatch(/^[0-9a-f]{40}$/)
    expect(sandbox.keys.publicKey).toMatch(/^[A-Za-z0-9]{32}$/)
    const res = await post(sandbox, { Action: 'DescribeCompShareCustomImages', Limit: 3 })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-ucloud-request-uuid')).toMatch(/^[0-9a-f-]{36}$/)
    const body = await jsonOf(res)
    expect(body).toMatchObject({ RetCode: 0, TotalCount: 240 })
    expect(body.ImageSet).toHaveLength(3)
    expect(sandbox.stats.snapshot().total).toBe(1)
  })

  it('switches faults through the loopback control route; reset drops the connection', async () => {
    const sandbox = await start({ keys: { publicKey: 'pk-fixed', privateKey: 'a'.repeat(40) } })
    expect((await putFaults(sandbox, { mode: 'reset', times: 1 })).status).toBe(200)
    await expect(post(sandbox, { Action: 'DescribeCompShareSupportZone' })).rejects.toThrow()
    const after = await post(sandbox, { Action: 'DescribeCompShareSupportZone' })
    expect((await jsonOf(after)).RetCode).toBe(0)
    expect(sandbox.faults.get()).toEqual({})
  })

  it("'hang' holds the call until the client gives up; close() ends hanging connections", async () => {
    const sandbox = await start({ faults: { mode: 'hang' } })
    await expect(
      post(sandbox, { Action: 'DescribeCompShareSupportZone' }, AbortSignal.timeout(150)),
    ).rejects.toThrow()
    const stuck = post(sandbox, { Action: 'DescribeCompShareSupportZone' }).catch((e: Error) => e)
    await new Promise((r) => setTimeout(r, 50))
    const started = performance.now()
    await sandbox.close()
    expect(performance.now() - started).toBeLessThan(1000)
    expect(await stuck).toBeInstanceOf(Error)
    running.splice(running.indexOf(sandbox), 1)
  })

  it('starts with initial faults and reports the port it bound', async () => {
    const sandbox = await start({ faults: { retCode: 294 } })
    expect(sandbox.port).toBeGreaterThan(0)
    const body = await (await post(sandbox, { Action: 'DescribeCompShareSupportZone' })).json()
    expect(body).toMatchObject({ RetCode: 294, Action: 'DescribeCompShareSupportZoneResponse' })
  })
})
