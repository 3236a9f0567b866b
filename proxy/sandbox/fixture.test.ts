import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFixture } from './fixture'
import { call, listImages, LOOPBACK, sandbox, SCOPE } from './test-support'

/** Records with the doc example's wrong types, a numeric id, a null and a Readme. */
const RECORDS = [
  {
    CompShareImageId: 'hjNwBATq',
    Name: 'nFmURawE',
    Status: 'hlqtbVJG',
    CreatedCount: 'DQIOscsN',
    Visibility: 2,
    CreateTime: 'IFXxRGPj',
    Price: 9.99592,
    Readme: '# kept only for single-image answers',
    Unknown: { nested: [1, 'two'] },
  },
  { CompShareImageId: 12345, Name: null, Size: '4096', Tags: 'not-an-array', Status: 'Making' },
  null,
]

describe('fixture mode', () => {
  it('passes records through untouched, only stripping Readme from lists', async () => {
    const { app } = sandbox({ fixture: structuredClone(RECORDS) })
    const list = await listImages(app)
    expect(list.TotalCount).toBe(3)
    const { Readme: _readme, ...first } = RECORDS[0]!
    expect(list.ImageSet).toEqual([first, RECORDS[1], null])
  })

  it('finds by String(CompShareImageId) and keeps Readme on a single-image answer', async () => {
    const { app } = sandbox({ fixture: structuredClone(RECORDS) })
    const one = await listImages(app, { CompShareImageId: '12345' })
    expect(one.ImageSet).toEqual([RECORDS[1]])
    const withReadme = await listImages(app, { CompShareImageId: 'hjNwBATq' })
    expect(withReadme.ImageSet).toEqual([RECORDS[0]])
    const progress = await call(app, 'GetCompShareImageCreateProgress', {
      ...SCOPE,
      CompShareImageId: '12345',
    })
    expect(progress.Process as number).toBeGreaterThan(0)
    expect(progress.Process as number).toBeLessThan(100)
  })

  it('serves every zone and project the same records', async () => {
    const { app } = sandbox({ fixture: structuredClone(RECORDS) })
    for (const scope of [{ Zone: 'cn-wlcb-02' }, { ProjectId: 'org-demo' }]) {
      expect((await listImages(app, scope)).TotalCount).toBe(3)
    }
  })

  it('loads an array or a whole API answer from a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-fixture-'))
    const asArray = join(dir, 'array.json')
    const asAnswer = join(dir, 'answer.json')
    await writeFile(asArray, JSON.stringify(RECORDS))
    await writeFile(asAnswer, JSON.stringify({ RetCode: 0, TotalCount: 3, ImageSet: RECORDS }))
    expect(await loadFixture(asArray)).toEqual(RECORDS)
    expect(await loadFixture(asAnswer)).toEqual(RECORDS)
    await writeFile(asArray, '{"nope": true}')
    await expect(loadFixture(asArray)).rejects.toThrow(/neither an array nor/)
    await expect(loadFixture(join(dir, 'missing.json'))).rejects.toThrow(/cannot read fixture/)
  })

  it('is swapped in and out at run time through the control route', async () => {
    const { app } = sandbox()
    const put = await app.request(
      '/__sandbox/fixture',
      {
        method: 'PUT',
        body: JSON.stringify({ ImageSet: RECORDS }),
        headers: { 'Content-Type': 'application/json' },
      },
      LOOPBACK,
    )
    expect(await put.json()).toEqual({ fixture: true, count: 3 })
    expect((await listImages(app)).TotalCount).toBe(3)
    await app.request('/__sandbox/fixture', { method: 'DELETE' }, LOOPBACK)
    expect((await listImages(app)).TotalCount).toBe(240)
    const bad = await app.request('/__sandbox/fixture', { method: 'PUT', body: '"x"' }, LOOPBACK)
    expect(bad.status).toBe(400)
  })
})
