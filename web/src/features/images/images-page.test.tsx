import { QueryClientProvider } from '@tanstack/react-query'
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Image } from '@contract/api'
import { i18n } from '@/i18n/i18n'
import { App, readStartUrl } from '@/app'
import { createTestQueryClient } from '@/test/render'
import { hasLiveImages } from './list/use-images-data'

const images: Image[] = Array.from({ length: 45 }, (_, i) => ({
  CompShareImageId: `img-${i}`,
  Name: `Image ${i}`,
  Status: i === 0 ? 'UnAvailable' : 'Available',
  FailedReason: i === 0 ? 'disk full' : '',
  ImageType: 'Custom',
  Visibility: i % 2,
  Size: 1024 * (i + 1),
  Tags: i === 1 ? 'oops' : ['llm'],
  Price: 0,
  CreateTime: 1_700_000_000 - i * 3600,
  Softwares: {
    Framework: 'PyTorch',
    FrameworkVersion: '2.4',
    CUDAVersion: '12.4',
    Applications: [],
  },
  ...(i === 2 ? { Size: null, malformed: { Size: 'huge' } } : {}),
})) as unknown as Image[]

type Handler = (url: URL) => { status?: number; body: unknown }
let calls: URL[] = []

function mockFetch(list: Handler) {
  calls = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost')
      calls.push(url)
      const answer =
        url.pathname === '/api/health'
          ? {
              body: {
                ok: true,
                mode: 'sandbox',
                version: 't',
                defaults: { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' },
              },
            }
          : url.pathname === '/api/zones'
            ? { body: { zones: [{ region: 'cn-wlcb', zone: 'cn-wlcb-01', describe: '华北二A' }] } }
            : list(url)
      return new Response(JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { 'Content-Type': 'application/json' },
      })
    }),
  )
}

const pageOf: Handler = (url) => {
  const offset = Number(url.searchParams.get('offset') ?? 0)
  const limit = Number(url.searchParams.get('limit') ?? 20)
  const q = url.searchParams.get('q')
  const matching = q ? images.filter((image) => String(image.Name).includes(q)) : images
  return {
    body: {
      items: matching.slice(offset, offset + limit),
      total: matching.length,
      failedTotal: matching.filter((image) => image.FailedReason).length,
      offset,
      limit,
      facets: {
        status: { Available: 44, UnAvailable: 1 },
        type: {},
        visibility: {},
        tags: { llm: 44 },
        gpu: {},
        framework: {},
      },
      fetchedAt: Date.now(),
      stale: false,
    },
  }
}

/** The app as main.tsx starts it, at `url` in jsdom's own location and history. */
async function renderAt(url: string) {
  await i18n.changeLanguage('en')
  window.history.replaceState(null, '', url)
  const dropped = readStartUrl()
  const queryClient = createTestQueryClient()
  render(
    <QueryClientProvider client={queryClient}>
      <App dropped={dropped} />
    </QueryClientProvider>,
  )
}

const listCalls = () => calls.filter((u) => u.pathname === '/api/images')
const search = () => window.location.search
const back = () => act(() => window.history.back())

// The page asks for its menus' and drawer's chunks as it renders; transforming them on first
// import takes seconds on a busy machine, time the first test would otherwise spend waiting.
beforeAll(async () => {
  await Promise.all([
    import('@/components/data-table/data-table-faceted-filter'),
    import('@/components/data-table/data-table-view-options'),
    import('./search/images-export-menu'),
    import('@/features/preferences/language-menu'),
    import('@/features/preferences/theme-menu'),
    import('./drawer/image-drawer'),
  ])
}, 60_000)

// A whole page in jsdom: on a machine shared with other builds it needs more than the default.
configure({ asyncUtilTimeout: 15_000 })

beforeEach(() => localStorage.clear())
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('the images page', { timeout: 40_000 }, () => {
  it('asks the proxy for the page and filters in the URL and renders the rows', async () => {
    mockFetch(pageOf)
    await renderAt('/?page=2&status=Available,UnAvailable')
    await screen.findByText('Image 20')
    const call = listCalls()[0]!
    expect(call.searchParams.get('offset')).toBe('20')
    expect(call.searchParams.get('limit')).toBe('20')
    expect(call.searchParams.get('status')).toBe('Available,UnAvailable')
    expect(screen.getByRole('grid', { name: 'Custom images' })).toBeTruthy()
    expect(screen.getByText('45 images')).toBeTruthy()
    expect(screen.getByText('Page 2 of 3')).toBeTruthy()
    // "Failed only (n)" reads the list answer's failedTotal: no second request for it.
    expect(screen.getByRole('button', { name: /^Failed only\s*1$/ })).toBeTruthy()
    expect(listCalls()).toHaveLength(1)
  })

  it('drops what a link gets wrong with a notice, and rewrites it canonically', async () => {
    mockFetch(pageOf)
    await renderAt('/?page=2&status=Bogus,Available&sort=Nope&utm=x&q=Image&order=desc')
    const notice = await screen.findByTestId('dropped-params')
    expect(notice.textContent).toContain('status=Bogus')
    expect(notice.textContent).toContain('sort=Nope')
    expect(search()).toBe('?q=Image&status=Available&page=2')
    await screen.findByText('Image 20')
    expect(listCalls()[0]!.searchParams.get('status')).toBe('Available')
  })

  it('survives odd records: malformed values are marked, non-array tags ignored', async () => {
    mockFetch(pageOf)
    await renderAt('/')
    await screen.findByText('Image 0')
    expect(screen.getByText('disk full')).toBeTruthy()
    expect(screen.getByTestId('malformed-value').getAttribute('title')).toBe('Malformed: "huge"')
  })

  it('sorts from the header (URL, aria-sort) and pages with named buttons, each a history entry', async () => {
    mockFetch(pageOf)
    await renderAt('/?page=2')
    await screen.findByText('Image 20')
    const name = screen.getByRole('columnheader', { name: 'Image' })
    expect(name.getAttribute('aria-sort')).toBe('none')
    expect(screen.getByRole('columnheader', { name: 'Created' }).getAttribute('aria-sort')).toBe(
      'descending',
    )
    fireEvent.click(within(name).getByRole('button', { name: 'Image' }))
    await waitFor(() => expect(search()).toBe('?sort=Name&order=asc'))
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: 'Image' }).getAttribute('aria-sort')).toBe(
        'ascending',
      ),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Go to next page' }))
    await waitFor(() => expect(search()).toBe('?sort=Name&order=asc&page=2'))
    back()
    await waitFor(() => expect(search()).toBe('?sort=Name&order=asc'))
    back()
    await waitFor(() => expect(search()).toBe('?page=2'))
  })

  it('debounces typing into one history entry and resets the page', async () => {
    mockFetch(pageOf)
    await renderAt('/?page=2')
    await screen.findByText('Image 20')
    const box = screen.getByRole('searchbox', { name: 'Search images' })
    fireEvent.change(box, { target: { value: 'Image 4' } })
    fireEvent.change(box, { target: { value: 'Image 42' } })
    await waitFor(() => expect(search()).toBe('?q=Image+42'))
    await screen.findByText('1 image')
    expect(listCalls().filter((u) => u.searchParams.get('q') === 'Image 4')).toHaveLength(0)
  })

  it('names the filters that hide everything and clears them', async () => {
    mockFetch(pageOf)
    await renderAt('/?q=nothing-matches&tag=llm')
    await screen.findByText('No images match')
    expect(screen.getByText('Hidden by: Search: “nothing-matches”, Tags: llm')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Remove filter Tags: llm' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(search()).toBe(''))
  })

  it('opens an image from the keyboard: Enter on a row sets ?image=', async () => {
    mockFetch(pageOf)
    await renderAt('/')
    await screen.findByText('Image 3')
    const row = screen.getByRole('row', { name: 'Image 3, open details' })
    fireEvent.keyDown(row, { key: 'Enter' })
    await waitFor(() => expect(search()).toBe('?image=img-3'))
    expect(row.getAttribute('aria-current')).toBe('true')
    // A button inside the row does its own thing.
    fireEvent.click(
      within(screen.getByRole('row', { name: 'Image 4, open details', hidden: true })).getByRole(
        'button',
        {
          hidden: true,
          name: 'Copy image ID',
        },
      ),
    )
    expect(search()).toBe('?image=img-3')
  })

  it("shows the proxy's error with code, RetCode and request id, and retries", async () => {
    let fail = true
    mockFetch((url) =>
      fail
        ? {
            status: 502,
            body: {
              error: {
                code: 'UPSTREAM_ERROR',
                message: 'Signature VerifyAC Error',
                retCode: 171,
                requestId: 'req-42',
              },
            },
          }
        : pageOf(url),
    )
    await renderAt('/')
    const alert = await screen.findByTestId('error-view')
    expect(alert.textContent).toContain('UPSTREAM_ERROR')
    expect(alert.textContent).toContain('Signature VerifyAC Error')
    expect(alert.textContent).toContain('171')
    expect(alert.textContent).toContain('req-42')
    expect(screen.getByRole('button', { name: 'Copy request ID' })).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await screen.findByText('Image 0')
  })

  it('says when the data is stale', async () => {
    mockFetch((url) => {
      const answer = pageOf(url)
      return {
        body: { ...(answer.body as object), stale: true, fetchedAt: Date.now() - 5 * 60_000 },
      }
    })
    await renderAt('/')
    const notice = await screen.findByTestId('stale-notice')
    expect(notice.querySelector('p')!.textContent).toBe(
      'Showing data from 5 minutes ago: the last refresh failed.',
    )
    expect(within(notice).getByRole('button', { name: 'Retry' })).toBeTruthy()
  })
})

describe('live refresh', () => {
  it('polls only while an image is being made or reviewed', () => {
    const with_ = (Status: string) => [{ Status } as unknown as Image]
    expect(hasLiveImages(with_('Making'))).toBe(true)
    expect(hasLiveImages(with_('Reviewing'))).toBe(true)
    expect(hasLiveImages(with_('Available'))).toBe(false)
    expect(hasLiveImages(undefined)).toBe(false)
  })
})
