import * as v from 'valibot'
import { QueryClient, type Query } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './client'
import {
  DETAIL_REFETCH_MS,
  imageDetailKeys,
  imageDetailSchema,
  imageQueryOptions,
  imageVersionsQueryOptions,
} from './image-detail'

const ref = { id: 'img/ä 1', region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' }
const scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: 'org-1' }

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

function calledUrl(fetchMock: ReturnType<typeof answer>): URL {
  const [input] = fetchMock.mock.calls[0] as unknown as [string]
  return new URL(input, 'http://localhost')
}

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

afterEach(() => vi.unstubAllGlobals())

describe('imageQueryOptions', () => {
  it('keys by id and scope under images/detail', () => {
    expect(imageQueryOptions(ref).queryKey).toEqual(['images', 'detail', ref])
    expect(imageDetailKeys.details()).toEqual(['images', 'detail'])
  })

  it('fetches /api/images/:id with the scope and parses the detail', async () => {
    const fetchMock = answer(200, {
      CompShareImageId: 'img/ä 1',
      Status: 'Making',
      Readme: '# hi',
      progress: { percent: 40, remaining: 600, total: 1000 },
      Extra: 1,
    })
    const data = await client().fetchQuery(imageQueryOptions(ref))
    const url = calledUrl(fetchMock)
    expect(url.pathname).toBe('/api/images/' + encodeURIComponent('img/ä 1'))
    expect(url.searchParams.get('region')).toBe('cn-wlcb')
    expect(url.searchParams.get('zone')).toBe('cn-wlcb-01')
    expect(url.searchParams.has('project')).toBe(false)
    expect(data.progress).toEqual({ percent: 40, remaining: 600, total: 1000 })
    expect(data.Readme).toBe('# hi')
    expect(data.Extra).toBe(1)
  })

  it('throws ApiError NOT_FOUND on 404', async () => {
    answer(404, { error: { code: 'NOT_FOUND', message: 'No image img/ä 1' } })
    const error = await client()
      .fetchQuery(imageQueryOptions(ref))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' })
  })

  it('does not retry a 4xx or a final proxy error, retries a network failure a bounded number of times', () => {
    const retry = imageQueryOptions(ref).retry as (count: number, error: unknown) => boolean
    expect(retry(0, new ApiError({ status: 404, code: 'NOT_FOUND', message: '' }))).toBe(false)
    expect(retry(0, new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: '' }))).toBe(
      false,
    )
    expect(retry(0, new ApiError({ status: 0, code: 'NETWORK', message: '' }))).toBe(true)
    expect(retry(2, new ApiError({ status: 0, code: 'NETWORK', message: '' }))).toBe(false)
  })

  it('polls every 10 s while Making or Reviewing and stops after', () => {
    const interval = imageQueryOptions(ref).refetchInterval as unknown as (
      query: Query,
    ) => number | false
    const at = (Status: unknown) => interval({ state: { data: { Status } } } as unknown as Query)
    expect(at('Making')).toBe(DETAIL_REFETCH_MS)
    expect(at('Reviewing')).toBe(10_000)
    expect(at('Available')).toBe(false)
    expect(at('UnAvailable')).toBe(false)
    expect(at(undefined)).toBe(false)
  })
})

describe('imageDetailSchema', () => {
  it('adds no keys the proxy did not send, and drops an unusable progress', () => {
    expect(v.parse(imageDetailSchema, { CompShareImageId: 'a', Name: 'n' })).toEqual({
      CompShareImageId: 'a',
      Name: 'n',
    })
    const parsed = v.parse(imageDetailSchema, {
      CompShareImageId: 'a',
      progress: 'soon',
      Readme: 5,
    })
    expect(parsed.progress).toBeUndefined()
    expect(parsed.Readme).toBeNull()
  })
})

describe('imageVersionsQueryOptions', () => {
  it('asks the list for the GroupId and keeps exact matches, newest first', async () => {
    const fetchMock = answer(200, {
      items: [
        { CompShareImageId: 'a', GroupId: 'grp-1', CreateTime: 100 },
        { CompShareImageId: 'b', GroupId: 'grp-10', CreateTime: 500 },
        { CompShareImageId: 'c', GroupId: 'grp-1', CreateTime: 300 },
        { CompShareImageId: 'd', GroupId: 'grp-1', CreateTime: null },
        { CompShareImageId: 'e', Description: 'see grp-1', CreateTime: 400 },
      ],
      total: 5,
      offset: 0,
      limit: 100,
      facets: {},
      fetchedAt: 0,
      stale: false,
    })
    const options = imageVersionsQueryOptions(scope, 'grp-1')
    expect(options.queryKey).toEqual(['images', 'versions', { ...scope, groupId: 'grp-1' }])
    const versions = await client().fetchQuery(options)
    expect(versions.map((image) => image.CompShareImageId)).toEqual(['c', 'a', 'd'])
    const url = calledUrl(fetchMock)
    expect(url.pathname).toBe('/api/images')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      region: 'cn-wlcb',
      zone: 'cn-wlcb-01',
      project: 'org-1',
      q: 'grp-1',
      limit: '100',
    })
  })

  it('is disabled without a GroupId', () => {
    expect(imageVersionsQueryOptions(scope, null).enabled).toBe(false)
    expect(imageVersionsQueryOptions(scope, '').enabled).toBe(false)
  })
})
