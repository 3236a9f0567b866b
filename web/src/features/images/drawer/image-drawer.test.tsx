import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImageDetail } from '@contract/api'
import { DETAIL_TABS, ImageDrawer, type DetailTab } from './image-drawer'
import {
  installDomShims,
  makeImage,
  renderWithQuery,
  setLanguage,
  stubFetch,
} from './image-drawer-test-utils'

// Stands in for any render bug inside the readme: turning a tree into elements throws on 'THROW'.
vi.mock('hast-util-to-jsx-runtime', async (importOriginal) => {
  const actual = await importOriginal<typeof import('hast-util-to-jsx-runtime')>()
  const toJsxRuntime: typeof actual.toJsxRuntime = (tree, options) => {
    if (JSON.stringify(tree).includes('THROW')) throw new Error('markdown exploded')
    return actual.toJsxRuntime(tree, options)
  }
  return { ...actual, toJsxRuntime }
})

const scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' }

function detailRoute(image: ImageDetail | ((url: URL) => ImageDetail)) {
  return (url: URL) =>
    url.pathname.startsWith('/api/images/')
      ? { body: typeof image === 'function' ? image(url) : image }
      : undefined
}

function renderDrawer(props: Partial<Parameters<typeof ImageDrawer>[0]> = {}) {
  const handlers = {
    onTabChange: vi.fn<(tab: DetailTab) => void>(),
    onClose: vi.fn(),
    onSelectImage: vi.fn(),
  }
  const result = renderWithQuery(
    <ImageDrawer imageId="img-abc123" scope={scope} tab="overview" {...handlers} {...props} />,
  )
  return { ...result, ...handlers }
}

beforeAll(() => installDomShims())
beforeEach(async () => {
  await setLanguage('en')
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('ImageDrawer', () => {
  it('is a labelled dialog with the name as title and a Close button', async () => {
    stubFetch(detailRoute(makeImage()))
    renderDrawer()
    const dialog = await screen.findByRole('dialog', { name: 'PyTorch 2.4 + CUDA 12.4' })
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy()
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '')
    expect(description?.textContent).toContain('img-abc123')
    expect(description?.textContent).toContain('Available')
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Copy image ID' })).toBeTruthy()
    expect(await within(dialog).findByText('Instances created')).toBeTruthy()
    expect(document.activeElement).toBe(dialog)
  })

  it('falls back to the id for a title and shows the initial record while loading', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {})),
    )
    renderDrawer({ initial: makeImage({ Name: 'From the list' }) })
    expect(screen.getByRole('dialog', { name: 'From the list' })).toBeTruthy()
    expect(screen.getByText('Loading image details…')).toBeTruthy()
    cleanup()
    renderDrawer({ initial: makeImage({ Name: null }) })
    expect(screen.getByRole('dialog', { name: 'img-abc123' })).toBeTruthy()
  })

  it('calls onClose on Escape and on the Close button', async () => {
    stubFetch(detailRoute(makeImage()))
    const { onClose } = renderDrawer()
    await screen.findByRole('tablist')
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(onClose).toHaveBeenCalledTimes(2)
  })

  it('reports tab changes by pointer and by arrow keys', async () => {
    stubFetch(detailRoute(makeImage()))
    const { onTabChange } = renderDrawer()
    const tabs = await screen.findAllByRole('tab')
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Overview',
      'Readme',
      'Software',
      'Versions',
      'JSON',
    ])
    expect(DETAIL_TABS).toHaveLength(5)
    fireEvent.mouseDown(screen.getByRole('tab', { name: 'Software' }), { button: 0 })
    expect(onTabChange).toHaveBeenLastCalledWith('software')
    const overview = screen.getByRole('tab', { name: 'Overview' })
    act(() => overview.focus())
    fireEvent.keyDown(overview, { key: 'ArrowRight' })
    // Radix moves focus on the next tick; automatic activation selects the focused tab.
    await waitFor(() => expect(onTabChange).toHaveBeenLastCalledWith('readme'))
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Readme' }))
  })

  it('shows the tab from props: the readme renders lazily and safely', async () => {
    stubFetch(
      detailRoute(
        makeImage({ Readme: '| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>' }),
      ),
    )
    renderDrawer({ tab: 'readme' })
    const panel = await screen.findByRole('tabpanel')
    await waitFor(() => expect(panel.querySelector('table')).not.toBeNull())
    expect(document.querySelector('script')).toBeNull()
  })

  it('shows a failure callout: the summary line, the full text once, and a copy button', async () => {
    const reason = 'CUDA mismatch:\n  driver 535 does not support CUDA 12.6\n  see log line 42'
    stubFetch(detailRoute(makeImage({ Status: 'UnAvailable', FailedReason: reason })))
    renderDrawer()
    const callout = await screen.findByTestId('failure-callout')
    expect(within(callout).getByText('Build failed')).toBeTruthy()
    expect(within(callout).getByTestId('failure-summary').textContent).toBe('see log line 42')
    expect(within(callout).getByTestId('failure-full-text').textContent).toBe(reason)
    expect(within(callout).getByRole('button', { name: 'Copy failure reason' })).toBeTruthy()
    // Short enough to show whole: no "Show all".
    expect(within(callout).queryByRole('button', { name: 'Show all' })).toBeNull()
    // Not repeated under Overview.
    expect(screen.queryByText('Failure reason')).toBeNull()
    expect(screen.getAllByText(/driver 535/)).toHaveLength(1)
  })

  it('shows build progress for a Making image', async () => {
    stubFetch(
      detailRoute(
        makeImage({ Status: 'Making', progress: { percent: 42.4, remaining: 720, total: 1800 } }),
      ),
    )
    renderDrawer()
    const bar = await screen.findByRole('progressbar', { name: 'Build progress' })
    expect(bar.getAttribute('aria-valuenow')).toBe('42')
    expect(screen.getByText(/about 12 min/)).toBeTruthy()
  })

  it('shows an indeterminate bar when the percent is unknown', async () => {
    stubFetch(
      detailRoute(
        makeImage({ Status: 'Making', progress: { percent: null, remaining: null, total: null } }),
      ),
    )
    renderDrawer()
    const bar = await screen.findByRole('progressbar')
    expect(bar.hasAttribute('aria-valuenow')).toBe(false)
    expect(bar.getAttribute('data-state')).toBe('indeterminate')
  })

  it('explains a 404 with the id, and shows API error details with Retry', async () => {
    stubFetch((url) =>
      url.pathname.startsWith('/api/images/')
        ? { status: 404, body: { error: { code: 'NOT_FOUND', message: 'none' } } }
        : undefined,
    )
    renderDrawer({ imageId: 'img-gone' })
    expect(await screen.findByText('Image not found')).toBeTruthy()
    expect(screen.getByText(/img-gone/, { selector: 'div' })).toBeTruthy()
    cleanup()

    const fetchMock = stubFetch((url) =>
      url.pathname.startsWith('/api/images/')
        ? {
            status: 403,
            body: {
              error: {
                code: 'FORBIDDEN_HOST',
                message: 'Host not allowed',
                retCode: 171,
                requestId: 'req-9',
              },
            },
          }
        : undefined,
    )
    renderDrawer()
    const alert = await screen.findByRole('alert')
    for (const text of [
      'Could not load this image',
      'FORBIDDEN_HOST',
      'Host not allowed',
      '171',
      'req-9',
    ]) {
      expect(within(alert).getByText(text)).toBeTruthy()
    }
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2))
  })

  it('lists versions of the group and switches to another', async () => {
    stubFetch(detailRoute(makeImage()), (url) =>
      url.pathname === '/api/images'
        ? {
            body: {
              items: [
                makeImage({
                  CompShareImageId: 'img-old',
                  VersionName: 'v1',
                  CreateTime: 1_600_000_000,
                }),
                makeImage(),
                makeImage({ CompShareImageId: 'img-other-group', GroupId: 'grp-2' }),
              ],
              total: 3,
            },
          }
        : undefined,
    )
    const { onSelectImage } = renderDrawer({ tab: 'versions' })
    const panel = await screen.findByRole('tabpanel')
    const list = await within(panel).findByRole('list', { name: 'All versions' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]?.querySelector('[aria-current="true"]')).not.toBeNull()
    fireEvent.click(within(items[1] as HTMLElement).getByRole('button'))
    expect(onSelectImage).toHaveBeenCalledWith('img-old')
  })

  it('shows an empty state for an image without GroupId', async () => {
    stubFetch(detailRoute(makeImage({ GroupId: null })))
    renderDrawer({ tab: 'versions' })
    expect(await screen.findByText('Not part of a version group')).toBeTruthy()
  })

  it('shows the raw record and copies it', async () => {
    const writeText = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    vi.stubGlobal('isSecureContext', true)
    stubFetch(detailRoute(makeImage({ Unknown: 'kept' })))
    renderDrawer({ tab: 'json' })
    const pre = await screen.findByLabelText('Raw record as returned by the proxy')
    const shown = JSON.parse(pre.textContent ?? '') as Record<string, unknown>
    expect(shown.Readme).toBe('# Hello\n\nSome **text**.')
    expect(shown.Unknown).toBe('kept')
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }))
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(pre.textContent))
  })

  it('keeps the drawer up when the readme throws while rendering', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    stubFetch(detailRoute(makeImage({ Readme: 'THROW please' })))
    renderDrawer({ tab: 'readme' })
    expect(await screen.findByText('This section could not be shown')).toBeTruthy()
    expect(screen.getByText('markdown exploded')).toBeTruthy()
    expect(screen.getByRole('dialog')).toBeTruthy()
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
    spy.mockRestore()
  })

  it('speaks Chinese', async () => {
    await setLanguage('zh-CN')
    stubFetch(detailRoute(makeImage({ Status: 'UnAvailable', FailedReason: '磁盘空间不足' })))
    renderDrawer()
    expect(await screen.findByText('制作失败')).toBeTruthy()
    expect(screen.getByRole('tab', { name: '概览' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: '说明文档' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy()
    expect(screen.getAllByText('不可用').length).toBeGreaterThan(0)
  })
})
