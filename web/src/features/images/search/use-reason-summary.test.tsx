import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FailureListResponse } from '@contract/api'
import { failuresQueryOptions } from '@/api/failures'
import type { ImagesListParams } from '@/api/images'
import { createTestQueryClient, renderWithProviders } from '@/test/render'
import { useFilterLabel } from './filter-labels'
import { ImagesFilterChips } from './images-filter-chips'
import { useReasonSummary } from './use-reason-summary'

const SUMMARY =
  "RuntimeError: CUDA error: no kernel image is available for execution on the device (sm_90) — rebuild with TORCH_CUDA_ARCH_LIST='9.0'"

const failures = (key: string, summary: string): FailureListResponse => ({
  groups: [
    {
      key: 'aaaaaaaaaaaa',
      summary: 'No space left on device',
      reason: 'write /var/lib/docker: no space left on device',
      count: 7,
      hint: null,
      latest: 1_700_000_000,
      images: [],
    },
    { key, summary, reason: summary, count: 3, hint: null, latest: 1_700_000_000, images: [] },
  ],
  total: 10,
  fetchedAt: 1_700_000_000_000,
  stale: false,
})

function stubFailures(answer: FailureListResponse) {
  const urls: URL[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost')
      urls.push(url)
      return new Response(JSON.stringify(answer), {
        headers: { 'Content-Type': 'application/json' },
      })
    }),
  )
  return urls
}

const wrapper =
  (client: QueryClient) =>
  ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )

afterEach(() => vi.unstubAllGlobals())

describe('useReasonSummary', () => {
  const params: ImagesListParams = {
    region: 'cn-wlcb',
    zone: 'cn-wlcb-01',
    failed: true,
    reason: '0123456789ab',
    offset: 20,
    limit: 20,
    sort: 'Name',
  }

  it('reads the summary from the triage view’s cached answer at once', async () => {
    const urls = stubFailures(failures('0123456789ab', SUMMARY))
    const client = createTestQueryClient()
    // What the triage view asked before a group was opened: the same filters, no reason.
    const { reason: _reason, ...triageParams } = params
    client.setQueryData(
      failuresQueryOptions(triageParams).queryKey,
      failures('0123456789ab', SUMMARY),
    )
    const { result } = renderHook(() => useReasonSummary(params), { wrapper: wrapper(client) })
    // On the first render, from the shared cache entry (one entry: the same key)…
    expect(result.current).toBe(SUMMARY)
    expect(client.getQueryCache().findAll({ queryKey: ['failures'] })).toHaveLength(1)
    // …which it revalidates in the background as the triage view would, with the same query.
    await waitFor(() => expect(urls).toHaveLength(1))
    expect(urls[0]!.searchParams.has('reason')).toBe(false)
    expect(result.current).toBe(SUMMARY)
  })

  it('asks /api/failures with the list’s filters minus reason, paging and sorting when not cached', async () => {
    const urls = stubFailures(failures('0123456789ab', SUMMARY))
    const client = createTestQueryClient()
    const { result } = renderHook(() => useReasonSummary(params), { wrapper: wrapper(client) })
    expect(result.current).toBeUndefined()
    await waitFor(() => expect(result.current).toBe(SUMMARY))
    expect(urls).toHaveLength(1)
    expect(urls[0]!.pathname).toBe('/api/failures')
    expect(urls[0]!.searchParams.get('failed')).toBe('1')
    expect(urls[0]!.searchParams.get('zone')).toBe('cn-wlcb-01')
    for (const absent of ['reason', 'offset', 'limit', 'sort'])
      expect(urls[0]!.searchParams.has(absent)).toBe(false)
  })

  it('is undefined for a key no group has, and asks nothing without reason=', async () => {
    const urls = stubFailures(failures('0123456789ab', SUMMARY))
    const client = createTestQueryClient()
    const unknown = renderHook(() => useReasonSummary({ ...params, reason: 'ffffffffffff' }), {
      wrapper: wrapper(client),
    })
    await waitFor(() => expect(urls).toHaveLength(1))
    await waitFor(() => expect(client.isFetching()).toBe(0))
    expect(unknown.result.current).toBeUndefined()

    const none = renderHook(() => useReasonSummary({ ...params, reason: undefined }), {
      wrapper: wrapper(createTestQueryClient()),
    })
    expect(none.result.current).toBeUndefined()
    expect(urls).toHaveLength(1)
  })
})

describe('the reason= chip', () => {
  const filters = [
    { param: 'failed', value: '1' },
    { param: 'reason', value: '0123456789ab' },
  ] as const

  it('reads as the group’s summary, truncated, with the full line in its title', async () => {
    await renderWithProviders(
      <ImagesFilterChips
        filters={filters}
        onRemove={() => {}}
        onClearAll={() => {}}
        reasonSummary={SUMMARY}
      />,
    )
    const label = screen.getByText(`Failure: ${SUMMARY}`)
    expect(label.getAttribute('title')).toBe(`Failure: ${SUMMARY}`)
    expect(label.className).toContain('truncate')
    expect(screen.queryByText(/0123456789ab/)).toBeNull()
    expect(screen.getByRole('button', { name: `Remove filter Failure: ${SUMMARY}` })).toBeTruthy()
  })

  it('shows the key while the summary is unknown', async () => {
    await renderWithProviders(
      <ImagesFilterChips filters={filters} onRemove={() => {}} onClearAll={() => {}} />,
    )
    expect(screen.getByText('Failure: 0123456789ab')).toBeTruthy()
  })

  it('labels other filters as before', async () => {
    await renderWithProviders(<span />, { language: 'zh-CN' })
    const { result } = renderHook(() => useFilterLabel({ reasonSummary: '磁盘空间不足' }))
    expect(result.current({ param: 'reason', value: '0123456789ab' })).toBe(
      '失败原因: 磁盘空间不足',
    )
    expect(result.current({ param: 'status', value: 'UnAvailable' })).toBe('状态: 不可用')
  })
})
