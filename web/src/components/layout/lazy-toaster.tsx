import { lazy, Suspense, type ComponentProps } from 'react'
import type { Toaster as SonnerToaster } from 'sonner'

const Toaster = lazy(() => import('sonner').then((module) => ({ default: module.Toaster })))

export function LazyToaster(props: ComponentProps<typeof SonnerToaster>) {
  return (
    <Suspense fallback={null}>
      <Toaster {...props} />
    </Suspense>
  )
}
