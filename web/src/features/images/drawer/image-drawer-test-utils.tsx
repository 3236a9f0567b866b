/* Test helpers for the drawer's tests (not shipped: nothing outside *.test.tsx imports this file). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { vi } from 'vitest'
import type { ImageDetail } from '@contract/api'
import { i18n } from '@/i18n/i18n'

/** jsdom lacks APIs Radix touches; shims live here, not in a global setup file. */
export function installDomShims(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver
  Element.prototype.hasPointerCapture ??= () => false
  Element.prototype.setPointerCapture ??= () => {}
  Element.prototype.releasePointerCapture ??= () => {}
  Element.prototype.scrollIntoView ??= () => {}
}

export async function setLanguage(lng: 'en' | 'zh-CN'): Promise<void> {
  await i18n.changeLanguage(lng)
}

export function renderWithQuery(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) }
}

type Route = (url: URL) => { status?: number; body: unknown } | undefined

/** A fetch fake: the first route that answers wins; anything else is a 500 the test will see. */
export function stubFetch(...routes: Route[]) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost')
    for (const route of routes) {
      const answer = route(url)
      if (answer) {
        return new Response(JSON.stringify(answer.body), {
          status: answer.status ?? 200,
          headers: { 'Content-Type': 'application/json' },
        })
      }
    }
    return new Response(
      JSON.stringify({ error: { code: 'INTERNAL', message: `unrouted ${url}` } }),
      {
        status: 500,
      },
    )
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

export function makeImage(
  overrides: Partial<ImageDetail> & Record<string, unknown> = {},
): ImageDetail {
  return {
    CompShareImageId: 'img-abc123',
    Name: 'PyTorch 2.4 + CUDA 12.4',
    Author: 'alice',
    AuthInfo: 1,
    ImageOwnerAlias: 'Community',
    ImageType: 'Custom',
    IsOfficial: false,
    Container: 'True',
    Status: 'Available',
    Size: 20480,
    Visibility: 0,
    Description: 'Line one\nLine two',
    Tags: ['pytorch', 'llm'],
    Price: 0,
    Cover: 'https://example.com/cover.png',
    Readme: '# Hello\n\nSome **text**.',
    Softwares: {
      Framework: 'PyTorch',
      FrameworkVersion: '2.4.0',
      CUDAVersion: '12.4',
      Applications: ['JupyterLab', 'vLLM'],
    },
    CreatedCount: 12,
    FavoritesCount: 3,
    FailedReason: '',
    CreateTime: 1_700_000_000,
    PubTime: 1_700_100_000,
    Owner: { AccountId: '10001', AccountName: 'team-ml' },
    GroupId: 'grp-1',
    VersionName: 'v2',
    VersionDesc: 'Adds flash-attn',
    SourceGpuType: 'RTX 4090',
    AutoStart: true,
    ImageCharge: false,
    ImageUseTime: 3_900,
    ...overrides,
  }
}
