import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FailureListResponse } from '@contract/api'
import { renderWithProviders } from '@/test/render'
import { FailuresView } from './failures-view'

const NOW_S = Math.floor(Date.now() / 1000)

const answer: FailureListResponse = {
  total: 6,
  fetchedAt: Date.now(),
  stale: false,
  groups: [
    {
      key: 'aaaaaaaaaaaa',
      summary: 'write <path>: no space left on device',
      reason: 'write /var/lib/docker/x: no space left on device',
      count: 5,
      hint: {
        zh: '系统盘已满：清理系统盘',
        en: 'The system disk is full: clear it',
        docs: 'https://example.com/disk',
      },
      latest: NOW_S - 3 * 3600,
      images: [1, 2, 3, 4, 5].map((i) => ({
        CompShareImageId: `img-${i}`,
        Name: `ComfyUI ${i}`,
        VersionName: `v1.${i}`,
        CreateTime: NOW_S - i * 3600,
      })),
    },
    {
      key: 'bbbbbbbbbbbb',
      summary: 'Snapshot of system disk failed: device busy',
      reason: 'Snapshot of system disk failed: device busy',
      count: 1,
      hint: null,
      latest: NOW_S - 86_400,
      images: [
        { CompShareImageId: 'img-9', Name: 'Qwen', VersionName: null, CreateTime: NOW_S - 86_400 },
      ],
    },
  ],
}

let requested: URL[] = []
function serve(body: unknown) {
  requested = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      requested.push(new URL(input, 'http://localhost'))
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
    }),
  )
}
afterEach(() => vi.unstubAllGlobals())

const view = (onOpenGroup = vi.fn()) => (
  <FailuresView
    params={{ q: 'comfy', status: ['UnAvailable'] }}
    groupHref={(key) => `/?reason=${key}`}
    onOpenGroup={onOpenGroup}
  />
)

describe('FailuresView', () => {
  it('asks /api/failures with the list filters and shows one card per group, largest first', async () => {
    serve(answer)
    await renderWithProviders(view())
    const cards = await screen.findAllByTestId('failure-group')
    expect(requested[0]!.pathname).toBe('/api/failures')
    expect(requested[0]!.searchParams.get('q')).toBe('comfy')
    expect(requested[0]!.searchParams.get('status')).toBe('UnAvailable')
    expect(cards.map((c) => c.dataset.key)).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb'])
    const first = within(cards[0]!)
    expect(first.getByText('5')).toBeTruthy()
    expect(first.getByText(/The system disk is full/)).toBeTruthy()
    expect(first.getByText(/3 hours ago/)).toBeTruthy()
    // A few names, then how many more.
    expect(
      first.getByText(/ComfyUI 1 v1\.1 · ComfyUI 2 v1\.2 · ComfyUI 3 v1\.3 \+2 more/),
    ).toBeTruthy()
    expect(first.getByRole('link', { name: 'Documentation' }).getAttribute('href')).toBe(
      'https://example.com/disk',
    )
    // A group without a known cause shows no hint at all.
    expect(within(cards[1]!).queryByText(/What to do/)).toBeNull()
    expect(screen.getByText('2 causes · 6 failed images')).toBeTruthy()
  })

  it('shows the hint in the UI language', async () => {
    serve(answer)
    await renderWithProviders(view(), { language: 'zh-CN' })
    expect(await screen.findByText(/系统盘已满：清理系统盘/)).toBeTruthy()
    expect(screen.queryByText(/The system disk is full/)).toBeNull()
  })

  it("opens a group through the page's callback, with a real link behind it", async () => {
    serve(answer)
    const onOpen = vi.fn()
    await renderWithProviders(view(onOpen))
    const link = await screen.findByRole('link', { name: /no space left on device/ })
    expect(link.getAttribute('href')).toBe('/?reason=aaaaaaaaaaaa')
    fireEvent.click(link)
    expect(onOpen).toHaveBeenCalledWith('aaaaaaaaaaaa')
  })

  it('says when no image has failed', async () => {
    serve({ ...answer, groups: [], total: 0 })
    await renderWithProviders(view())
    expect(await screen.findByText('No failed builds')).toBeTruthy()
  })
})
