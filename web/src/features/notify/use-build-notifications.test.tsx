import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Image } from '@contract/api'
import { i18n } from '@/i18n/i18n'
import { createTestQueryClient } from '@/test/render'
import { useBuildNotifications } from './use-build-notifications'

/** The browser's Notification, as far as the feature uses it. */
class FakeNotification {
  static permission: NotificationPermission = 'default'
  static answer: NotificationPermission = 'granted'
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = FakeNotification.answer
    return FakeNotification.answer
  })
  static shown: FakeNotification[] = []
  onclick: (() => void) | null = null
  close = vi.fn()
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this)
  }
}

const image = (id: string, more: Partial<Image> = {}) =>
  ({
    CompShareImageId: id,
    Name: `img-${id}`,
    VersionName: 'v1.3',
    Status: 'Making',
    ...more,
  }) as Image

/** The proxy: `status=Making` answers the Making list, `q=<id>` that image's record. */
let making: Image[] = []
let records: Record<string, Image> = {}
const fetchMock = vi.fn(async (input: string) => {
  const url = new URL(input, 'http://localhost')
  const q = url.searchParams.get('q')
  const items = q ? [records[q]].filter(Boolean) : making
  const body = {
    items,
    total: items.length,
    offset: 0,
    limit: 100,
    facets: {},
    fetchedAt: 1,
    stale: false,
  }
  return new Response(JSON.stringify(body), { status: 200 })
})

beforeEach(async () => {
  localStorage.clear()
  await i18n.changeLanguage('en')
  FakeNotification.permission = 'default'
  FakeNotification.answer = 'granted'
  FakeNotification.requestPermission.mockClear()
  FakeNotification.shown = []
  making = []
  records = {}
  fetchMock.mockClear()
  vi.stubGlobal('Notification', FakeNotification)
  vi.stubGlobal('fetch', fetchMock)
  vi.spyOn(window, 'focus').mockImplementation(() => {}) // jsdom has none
})
afterEach(() => vi.unstubAllGlobals())

function setup() {
  const queryClient = createTestQueryClient()
  const openImage = vi.fn()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  )
  const hook = renderHook(() => useBuildNotifications({ scope: {}, openImage }), { wrapper })
  /** One poll, as the 10 s interval would make it. */
  const poll = () => act(() => queryClient.refetchQueries({ type: 'active' }))
  return { ...hook, openImage, poll }
}

describe('useBuildNotifications', () => {
  it('asks for nothing and fetches nothing until the user opts in', () => {
    const { result } = setup()
    expect(result.current.permission).toBe('default')
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('for all Making images: "v1.3 is Available", and a click opens that image', async () => {
    making = [image('a'), image('b')]
    const { result, openImage, poll } = setup()
    await act(() => result.current.setAll(true))
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(result.current.making).toHaveLength(2))

    making = [image('b')]
    records.a = image('a', { Status: 'Available' })
    await poll()
    await waitFor(() => expect(FakeNotification.shown).toHaveLength(1))
    const [shown] = FakeNotification.shown
    expect(shown!.title).toBe('img-a')
    expect(shown!.options.body).toBe('v1.3 is Available')
    expect(shown!.options.tag).toBe('imagedeck-build-a')
    shown!.onclick!()
    expect(openImage).toHaveBeenCalledWith('a')
    expect(shown!.close).toHaveBeenCalled()
  })

  it('for one picked image: "v2 failed: <summary>", then stops watching it', async () => {
    making = [image('p', { VersionName: 'v2' }), image('other')]
    const { result, poll } = setup()
    await act(() => result.current.setPicked({ id: 'p', name: 'img-p', version: 'v2' }, true))
    await waitFor(() => expect(result.current.making).toHaveLength(2))
    expect(result.current.watch.picked.map((b) => b.id)).toEqual(['p'])

    making = []
    records.p = image('p', {
      VersionName: 'v2',
      Status: 'UnAvailable',
      FailedReason:
        'Traceback (most recent call last):\n  File "x"\nOSError: [Errno 28] No space left on device',
    })
    records.other = image('other', { Status: 'Available' })
    await poll()
    await waitFor(() => expect(FakeNotification.shown).toHaveLength(1))
    expect(FakeNotification.shown[0]!.options.body).toBe(
      'v2 failed: OSError: [Errno 28] No space left on device',
    )
    await waitFor(() => expect(result.current.watch.picked).toEqual([]))
    // "other" was Making too, but not picked: no word about it.
    expect(FakeNotification.shown).toHaveLength(1)
  })

  it('keeps nothing when the browser refuses, and says so', async () => {
    FakeNotification.answer = 'denied'
    const { result } = setup()
    await act(() => result.current.setAll(true))
    expect(result.current.permission).toBe('denied')
    expect(result.current.watch.all).toBe(false)
  })
})
