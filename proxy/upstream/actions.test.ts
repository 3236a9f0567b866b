import { describe, expect, it } from 'vitest'
import type { Image, Scope } from '../contract/api'
import {
  README_MAX_BYTES,
  boundReadme,
  describeImagesPage,
  describeSupportZones,
  getImageCreateProgress,
} from './actions'
import type { AllowedAction, UpstreamClient, UpstreamResult } from './client'
import type { ParamValue } from './sign'

interface Call {
  action: AllowedAction
  params: Record<string, ParamValue>
  signal: AbortSignal | undefined
}

/** A fake client that records calls and answers with a fixed body. */
function fakeClient(body: Record<string, unknown>, requestId?: string) {
  const calls: Call[] = []
  const client: UpstreamClient = {
    async call(action, params, opts): Promise<UpstreamResult> {
      calls.push({ action, params, signal: opts?.signal })
      return { body: { RetCode: 0, ...body }, requestId }
    },
  }
  return { client, calls }
}

const scope: Scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: 'org-abc' }
const defaultProject: Scope = { ...scope, project: '' }

describe('describeImagesPage', () => {
  it('sends scope and paging, and decodes the page', async () => {
    const { client, calls } = fakeClient(
      { ImageSet: [{ CompShareImageId: 'img-1', Size: '10' }], TotalCount: 1 },
      'uuid-1',
    )
    const signal = new AbortController().signal
    const page = await describeImagesPage(client, scope, { offset: 100, limit: 100 }, signal)
    expect(calls).toEqual([
      {
        action: 'DescribeCompShareCustomImages',
        params: {
          Region: 'cn-wlcb',
          Zone: 'cn-wlcb-01',
          ProjectId: 'org-abc',
          Offset: 100,
          Limit: 100,
        },
        signal,
      },
    ])
    expect(page.totalCount).toBe(1)
    expect(page.requestId).toBe('uuid-1')
    expect(page.images[0]).toMatchObject({ CompShareImageId: 'img-1', Size: 10 })
  })

  it('omits ProjectId for the default project and passes an image id', async () => {
    const { client, calls } = fakeClient({ ImageSet: [] })
    const page = await describeImagesPage(client, defaultProject, {
      offset: 0,
      limit: 1,
      imageId: 'img-9',
    })
    expect(calls[0]!.params).toEqual({
      Region: 'cn-wlcb',
      Zone: 'cn-wlcb-01',
      CompShareImageId: 'img-9',
      Offset: 0,
      Limit: 1,
    })
    expect(page).toEqual({ images: [], totalCount: null })
  })

  it('refuses paging the API would reject, without calling it', async () => {
    const { client, calls } = fakeClient({})
    await expect(describeImagesPage(client, scope, { offset: -1, limit: 10 })).rejects.toThrow(
      RangeError,
    )
    await expect(describeImagesPage(client, scope, { offset: 0, limit: 101 })).rejects.toThrow(
      RangeError,
    )
    await expect(describeImagesPage(client, scope, { offset: 0, limit: 0 })).rejects.toThrow(
      RangeError,
    )
    expect(calls).toHaveLength(0)
  })
})

describe('getImageCreateProgress', () => {
  it('sends scope and image id, and decodes the progress', async () => {
    const { client, calls } = fakeClient({
      Process: 40,
      TotalDuration: '1000',
      RemainingDuration: '600',
    })
    const progress = await getImageCreateProgress(client, scope, 'img-1')
    expect(calls[0]).toMatchObject({
      action: 'GetCompShareImageCreateProgress',
      params: {
        Region: 'cn-wlcb',
        Zone: 'cn-wlcb-01',
        ProjectId: 'org-abc',
        CompShareImageId: 'img-1',
      },
    })
    expect(progress).toEqual({ percent: 40, total: 1000, remaining: 600 })
  })

  it('omits ProjectId for the default project and returns null without figures', async () => {
    const { client, calls } = fakeClient({})
    expect(await getImageCreateProgress(client, defaultProject, 'img-1')).toBeNull()
    expect(calls[0]!.params).not.toHaveProperty('ProjectId')
  })
})

describe('describeSupportZones', () => {
  it('sends the region when given and decodes ZoneInfo', async () => {
    const { client, calls } = fakeClient({
      ZoneInfo: [{ Region: 'cn-wlcb', Zone: 'cn-wlcb-01', Describe: '乌兰察布' }],
    })
    const zones = await describeSupportZones(client, 'cn-wlcb')
    expect(calls[0]).toMatchObject({
      action: 'DescribeCompShareSupportZone',
      params: { Region: 'cn-wlcb' },
    })
    expect(zones).toEqual([{ region: 'cn-wlcb', zone: 'cn-wlcb-01', describe: '乌兰察布' }])
  })

  it('never calls without Region (required by both official SDKs)', async () => {
    const { client, calls } = fakeClient({})
    await expect(describeSupportZones(client, '')).rejects.toThrow(RangeError)
    expect(calls).toEqual([])
  })
})

describe('boundReadme', () => {
  const image = (Readme: unknown) => ({ CompShareImageId: 'i', Readme }) as unknown as Image

  it('keeps a readme of 64 KB or less as it is, unmarked', () => {
    const exact = 'a'.repeat(README_MAX_BYTES)
    expect(boundReadme(image(exact))).toEqual(image(exact))
    expect(boundReadme(image(null))).toEqual(image(null))
  })

  it('cuts a longer one at 64 KB on a character boundary and says so', () => {
    // 3-byte characters: 65,536 is not a multiple of 3, so a naive cut would split one.
    const out = boundReadme(image('中'.repeat(30_000)))
    expect(out.readmeTruncated).toBe(true)
    expect(out.Readme).toBe('中'.repeat(Math.floor(README_MAX_BYTES / 3)))
    expect(Buffer.byteLength(out.Readme as string)).toBeLessThanOrEqual(README_MAX_BYTES)
  })
})
