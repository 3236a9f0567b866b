import { Skeleton } from '@/components/ui/skeleton'

/** In the triage view's place while its chunk loads: the view's own loading skeleton, no jump. */
export function FailuresPending() {
  return (
    <section aria-busy className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto pb-6">
      <Skeleton className="h-6 w-40" />
      <div className="flex flex-col gap-2" aria-hidden>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 rounded-lg" />
        ))}
      </div>
    </section>
  )
}
