import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * Lists at least this long are followed by a full garbage collection. Kept for issue 9's guard at
 * 100,000 images (peak RSS ≤ 400 MB under 50 connections): fetching and decoding 1,000 pages
 * leaves ~350 MB of heap for ~75 MB kept, which V8 hands back only after a major GC that an idle
 * server may not run for minutes; measured without it, 363 MB after the list and 415 MB under the
 * load, against ~185 MB and ~300 MB with it. At 10,000 images it is not needed.
 */
export const LARGE_LIST = 20_000

type Gc = () => void
let collect: Gc | null | undefined

/** `gc`, which Node hides without `--expose-gc`: the flag, set at run time, shows it to a new context. */
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

/** One full, compacting collection once the event loop is free (several calls make one). */
export function collectGarbageSoon(): void {
  if (scheduled) return
  scheduled = true
  setTimeout(() => {
    scheduled = false
    const gc = collector()
    if (!gc) return
    // Compact every page: the survivors are spread thin over pages the load filled with
    // temporaries, and only emptied pages go back to the system.
    setFlagsFromString('--compact-on-every-full-gc')
    try {
      gc()
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc')
    }
  }, 0).unref()
}
