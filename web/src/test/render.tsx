import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, configure, render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { afterEach } from 'vitest'
import { i18n } from '@/i18n/i18n'

// No vitest globals here, so Testing Library cannot register its own cleanup: importing this does.
afterEach(cleanup)
// A loaded 2-core CI machine can take longer than Testing Library's 1 s default to render a page.
configure({ asyncUtilTimeout: 4000 })

/** A fresh QueryClient per test, never retrying (style.md §14). */
export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })
}

export async function renderWithProviders(ui: ReactElement, { language = 'en' } = {}) {
  await i18n.changeLanguage(language)
  const queryClient = createTestQueryClient()
  return {
    queryClient,
    ...render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>),
  }
}
