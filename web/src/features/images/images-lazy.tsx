import { lazy } from 'react'

// What the page shows only when something went wrong (a bad link, stale data, a failed list):
// chunks of their own, off the first load; each use sits in a Suspense boundary of its own.
export const ErrorView = lazy(() =>
  import('@/components/layout/error-view').then((m) => ({ default: m.ErrorView })),
)
export const DroppedParamsNotice = lazy(() =>
  import('./images-notices').then((m) => ({ default: m.DroppedParamsNotice })),
)
export const StaleNotice = lazy(() =>
  import('./images-notices').then((m) => ({ default: m.StaleNotice })),
)
