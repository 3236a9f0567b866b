import { QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImageDetail } from '@contract/api'
import { ImageDrawer } from './image-drawer'
import {
  installDomShims,
  makeImage,
  renderWithQuery,
  setLanguage,
  stubFetch,
} from './image-drawer-test-utils'

const scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' }
const IDS = ['img-a', 'img-b', 'img-c']

function detailFor(overrides: (id: string) => Partial<ImageDetail> = () => ({})) {
  return (url: URL) => {
    if (!url.pathname.startsWith('/api/images/')) return undefined
    const id = decodeURIComponent(url.pathname.slice('/api/images/'.length))
    return { body: makeImage({ CompShareImageId: id, Name: `Image ${id}`, ...overrides(id) }) }
  }
}

function renderReview(imageId = 'img-b', tab: 'overview' | 'software' = 'software') {
  const onNavigate = vi.fn<(id: string) => void>()
  const props = {
    scope,
    tab,
    onTabChange: vi.fn(),
    onClose: vi.fn(),
    onSelectImage: vi.fn(),
    neighbours: { ids: IDS, onNavigate },
  }
  const result = renderWithQuery(<ImageDrawer imageId={imageId} {...props} />)
  const rerender = (id: string) =>
    result.rerender(
      <QueryClientProvider client={result.client}>
        <ImageDrawer
          imageId={id}
          {...props}
          initial={makeImage({ CompShareImageId: id, Name: `Image ${id}` })}
        />
      </QueryClientProvider>,
    )
  return { ...result, onNavigate, onSelectImage: props.onSelectImage, rerenderWith: rerender }
}

beforeAll(() => installDomShims())
beforeEach(async () => {
  await setLanguage('en')
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('reviewing images without closing the drawer', () => {
  it('steps to the previous and next image with the header buttons, and says where it is', async () => {
    stubFetch(detailFor())
    const { onNavigate } = renderReview('img-b')
    const nav = await screen.findByRole('navigation', { name: 'Step through images' })
    expect(within(nav).getByText('2 of 3')).toBeTruthy()
    fireEvent.click(within(nav).getByRole('button', { name: 'Next image' }))
    expect(onNavigate).toHaveBeenLastCalledWith('img-c')
    fireEvent.click(within(nav).getByRole('button', { name: 'Previous image' }))
    expect(onNavigate).toHaveBeenLastCalledWith('img-a')
    cleanup()

    renderReview('img-c')
    const last = await screen.findByRole('navigation', { name: 'Step through images' })
    expect(within(last).getByRole('button', { name: 'Next image' }).hasAttribute('disabled')).toBe(
      true,
    )
    expect(
      within(last).getByRole('button', { name: 'Previous image' }).hasAttribute('disabled'),
    ).toBe(false)
  })

  it('answers j and k while open, but not while typing in a field', async () => {
    stubFetch(detailFor())
    const { onNavigate } = renderReview('img-b')
    await screen.findByRole('tablist')
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'j' })
    expect(onNavigate).toHaveBeenLastCalledWith('img-c')
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'k' })
    expect(onNavigate).toHaveBeenLastCalledWith('img-a')
    expect(onNavigate).toHaveBeenCalledTimes(2)

    const input = document.createElement('input')
    screen.getByRole('dialog').appendChild(input)
    fireEvent.keyDown(input, { key: 'j' })
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true })
    expect(onNavigate).toHaveBeenCalledTimes(2)
  })

  it('keeps the sheet, the tab strip and the tab while the next image loads', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const route = detailFor()
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input), 'http://localhost')
        if (url.pathname.endsWith('img-c')) await gate
        const answer = route(url)
        return new Response(JSON.stringify(answer?.body ?? { groups: [], total: 0 }), {
          status: answer ? 200 : 404,
          headers: { 'Content-Type': 'application/json' },
        })
      }),
    )
    const { rerenderWith } = renderReview('img-b', 'software')
    await screen.findByText('PyTorch')
    rerenderWith('img-c')
    // The list's record names the dialog at once; the tab strip and the chosen tab stay put.
    expect(screen.getByRole('dialog', { name: 'Image img-c' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: 'Software' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByText('Loading image details…')).toBeTruthy()
    await act(async () => release())
    await waitFor(() => expect(screen.queryByText('Loading image details…')).toBeNull())
    expect(screen.getByText('PyTorch')).toBeTruthy()
  })

  it('copies a link to this image: the page URL as it stands', async () => {
    const writeText = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    vi.stubGlobal('isSecureContext', true)
    window.history.replaceState(null, '', '/?image=img-b&tab=software')
    stubFetch(detailFor())
    renderReview('img-b')
    fireEvent.click(await screen.findByRole('button', { name: 'Copy link' }))
    await waitFor(() =>
      expect(writeText).toHaveBeenCalledWith('http://localhost:3000/?image=img-b&tab=software'),
    )
  })
})

describe('the failure callout', () => {
  const traceback = [
    'Step 7/9 : RUN python warmup.py',
    'Traceback (most recent call last):',
    ...Array.from({ length: 12 }, (_, i) => `  File "/w/m${i}.py", line ${i + 1}, in f${i}`),
    'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB',
  ].join('\n')

  it('leads with the exception line and folds a long text behind "Show all"', async () => {
    stubFetch(detailFor(() => ({ Status: 'UnAvailable', FailedReason: traceback })))
    renderReview('img-b', 'overview')
    const callout = await screen.findByTestId('failure-callout')
    expect(within(callout).getByTestId('failure-summary').textContent).toBe(
      'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB',
    )
    const full = within(callout).getByTestId('failure-full-text')
    expect(full.textContent).toBe(traceback)
    expect(full.className).toContain('max-h-40')
    // Focusable while it scrolls, so the keyboard can read it.
    expect(full.getAttribute('tabindex')).toBe('0')
    const toggle = within(callout).getByRole('button', { name: 'Show all' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(toggle)
    expect(full.className).not.toContain('max-h-40')
    expect(within(callout).getByRole('button', { name: 'Show less' })).toBeTruthy()
  })

  it('adds the hint /api/failures knows for this image, in the UI language', async () => {
    const failures = vi.fn((url: URL) =>
      url.pathname === '/api/failures'
        ? {
            body: {
              groups: [
                {
                  key: 'abc123',
                  summary: 'x',
                  reason: traceback,
                  count: 1,
                  hint: {
                    en: 'Use a GPU with more memory or a smaller batch.',
                    zh: '换用显存更大的机型或减小 batch。',
                    docs: 'https://example.com/oom',
                  },
                  latest: 1,
                  images: [
                    { CompShareImageId: 'img-b', Name: 'b', VersionName: 'v1', CreateTime: 1 },
                  ],
                },
              ],
              total: 1,
              fetchedAt: 1,
              stale: false,
            },
          }
        : undefined,
    )
    stubFetch(
      failures,
      detailFor(() => ({ Status: 'UnAvailable', FailedReason: traceback })),
    )
    renderReview('img-b', 'overview')
    // Two requests in a row (the detail, then its group): allow for a slow machine.
    const hint = await screen.findByTestId('failure-hint', {}, { timeout: 5000 })
    expect(hint.textContent).toContain('Use a GPU with more memory or a smaller batch.')
    expect(
      within(hint)
        .getByRole('link', { name: /Documentation/ })
        .getAttribute('href'),
    ).toBe('https://example.com/oom')
    const asked = failures.mock.calls
      .map(([url]) => url)
      .find((u) => u.pathname === '/api/failures')
    expect(asked?.searchParams.get('q')).toBe('img-b')
    cleanup()

    await setLanguage('zh-CN')
    renderReview('img-b', 'overview')
    expect(
      (await screen.findByTestId('failure-hint', {}, { timeout: 5000 })).textContent,
    ).toContain('换用显存更大的机型')
  }, 15_000)

  it("links to the family's newest Available version from the callout", async () => {
    stubFetch(
      (url) =>
        url.pathname === '/api/images'
          ? {
              body: {
                items: [
                  makeImage({ CompShareImageId: 'img-b', CreateTime: 300, Status: 'UnAvailable' }),
                  makeImage({ CompShareImageId: 'img-ok', VersionName: 'v1.1', CreateTime: 200 }),
                  makeImage({ CompShareImageId: 'img-old', VersionName: 'v1.0', CreateTime: 100 }),
                ],
                total: 3,
              },
            }
          : undefined,
      detailFor(() => ({ Status: 'UnAvailable', FailedReason: 'No space left on device' })),
    )
    const { onSelectImage } = renderReview('img-b', 'overview')
    const link = await screen.findByTestId('failure-newest-available', {}, { timeout: 5000 })
    fireEvent.click(within(link).getByRole('button', { name: /Open v1\.1/ }))
    expect(onSelectImage).toHaveBeenCalledWith('img-ok')
  }, 15_000)

  it('shows no hint for a cause the catalog does not know, and none for a healthy image', async () => {
    const fetchMock = stubFetch(
      (url) =>
        url.pathname === '/api/failures'
          ? { body: { groups: [], total: 0, fetchedAt: 1, stale: false } }
          : undefined,
      detailFor((id) => (id === 'img-b' ? { Status: 'UnAvailable', FailedReason: 'odd' } : {})),
    )
    renderReview('img-b', 'overview')
    const callout = await screen.findByTestId('failure-callout')
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/api/failures'))).toBe(true),
    )
    expect(within(callout).queryByTestId('failure-hint')).toBeNull()
    expect(within(callout).queryByTestId('failure-full-text')).toBeNull()
    cleanup()
    fetchMock.mockClear()
    renderReview('img-a', 'overview')
    await screen.findByText('Instances created')
    expect(screen.queryByTestId('failure-callout')).toBeNull()
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/api/failures'))).toBe(false)
  })
})
