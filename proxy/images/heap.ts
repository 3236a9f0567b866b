import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * A full garbage collection, once the event loop is free, after a large list was loaded.
 *
 * Fetching a large account parses and decodes thousands of pages; those temporaries live across
 * awaits, so V8 promotes them to the old generation, which grows several times the size of what
 * stays (100,000 images: ~350 MB of heap for ~75 MB kept). V8 hands that back only after a major
 * GC, which an idle server may not run for a long while: its RSS stays at the peak (design issue on
 * proxy RSS). One forced collection right after the snapshot is in place returns it at once; it
 * costs tens of milliseconds, once per large load, after the answer has gone out.
 *
 * `gc` is not exposed without `--expose-gc`; setting the flag at run time exposes it to contexts
 * created afterwards, so one new context hands it over (the main context stays as it was).
 */
type Gc = (options?: { type: 'major' | 'minor'; execution: 'sync' | 'async' }) => void
let collect: Gc | null | undefined

function collector(): Gc | null {
  if (collect !== undefined) return collect
  try {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as unknown
    collect = typeof gc === 'function' ? (gc as Gc) : null
  } catch {
    collect = null
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
  return collect
}

let scheduled = false

/** Schedules one full collection (several calls before it runs make one). */
export function collectGarbageSoon(): void {
  if (scheduled) return
  scheduled = true
  setTimeout(() => {
    scheduled = false
    const gc = collector()
    if (!gc) return
    // Compact every page, not only the most fragmented: the survivors are spread thin over pages
    // the load filled with temporaries, and only emptied pages go back to the system.
    setFlagsFromString('--compact-on-every-full-gc')
    try {
      gc()
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc')
    }
  }, 0).unref()
}

/**
 * Watches the old generation's use: `check()` (called periodically) starts a collection once use
 * has grown by `growthBytes` over the lowest seen since the last one; the check after it only
 * takes the new low.
 */
export function growthWatch(growthBytes: number, used: () => number, start: () => void) {
  let low: number | undefined
  let settling = false
  return {
    check(): void {
      const now = used()
      if (settling) {
        settling = false
        low = now
      } else if (low === undefined || now < low) {
        low = now
      } else if (now - low > growthBytes) {
        start()
        settling = true
      }
    },
  }
}

/**
 * Keeps a busy proxy's heap near what it holds. At thousands of requests a second, requests in
 * flight outlive young-generation collections and are promoted, and V8 lets the old generation
 * fill with that garbage until it has about doubled (100,000 images, ~3,000 requests/s: +50 MB of
 * RSS in 10 s, nearly all of it garbage). An incremental major collection, marked concurrently,
 * is started whenever the old generation has grown by `growthBytes`. main.ts starts it. Returns a
 * stop function.
 */
export function boundOldGeneration(growthBytes = 24 * 1024 * 1024, everyMs = 500): () => void {
  const gc = collector()
  if (!gc) return () => {}
  const oldSpace = () =>
    getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0
  const watch = growthWatch(growthBytes, oldSpace, () => gc({ type: 'major', execution: 'async' }))
  const timer = setInterval(() => watch.check(), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
