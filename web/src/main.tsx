import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { unstable_forceFrameRate } from 'scheduler'
import { isRetryable } from '@/api/client'
import { LazyToaster } from '@/components/layout/lazy-toaster'
import { syncDocumentLanguage } from '@/features/preferences/language'
import { applyTheme, useTheme } from '@/features/preferences/theme'
import { afterFirstRows } from '@/lib/first-rows'
import { i18nReady } from '@/i18n/i18n'
import { App, readStartUrl } from './app'
import './index.css'

// Before the first paint: no flash of the wrong theme (the CSP forbids an inline script for this).
applyTheme()
syncDocumentLanguage()

// A link that opens an image: its drawer's chunk loads with the strings, not after the first render.
if (new URLSearchParams(window.location.search).has('image')) {
  void import('@/features/images/drawer/image-drawer')
}

// React renders 40 ms before it yields to the browser instead of its default 5. A new page of 100
// rows renders as a transition (images-page.tsx), and Chromium ran a frame (style, the cells'
// content-visibility checks, paint) after every few of its 5 ms slices (`npx tsx bench/trace.ts
// filter`). Keystroke → all 100 rows after the debounce, builds before and after, 40 filter changes
// each (`npx tsx bench/compare-filters.ts`): median 142 → 132 ms on a quiet host; the longest task
// 64 ms, under issue 9's 100 ms guard. Typing during a render waits at most one slice.
unstable_forceFrameRate(25)

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry (style.md §9); other failures get two more tries.
      retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
      staleTime: 15_000,
      refetchOnWindowFocus: false,
    },
  },
})

const dropped = readStartUrl()

function Root() {
  const { theme } = useTheme()
  // sonner loads once the first rows show; toasts raised before that wait for it (lib/notify.ts).
  const [toasts, setToasts] = useState(false)
  useEffect(() => void afterFirstRows().then(() => setToasts(true)), [])
  return (
    <QueryClientProvider client={queryClient}>
      <App dropped={dropped} />
      {toasts && <LazyToaster theme={theme} position="bottom-right" closeButton richColors />}
    </QueryClientProvider>
  )
}

// The first paint waits for the current language's strings (one small chunk, i18n.ts).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
)
