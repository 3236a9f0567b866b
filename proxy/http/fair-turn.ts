/**
 * CPU time one event-loop turn spends on queries before the rest wait for the next turn. Kept for
 * issue 9's guard at 100,000 images (no errors at 50 connections): Node 20's libuv accepts one new
 * connection per loop turn (libuv pull request #3696), so a turn that runs every ready request's
 * query back to back (50 × ~20 ms) leaves new connections unanswered in the kernel's accept queue
 * past a client's timeout; measured without it, 26-37 of ~300 requests failed, with it none.
 * Re-measured on a quiet machine (load ~1): without it 18 of ~545 failed in one of two runs.
 */
export const SLICE_MS = 10

interface Waiting {
  work: () => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

const queue: Waiting[] = []
let sliceStart: number | undefined
let draining = false

/** How long the current slice has run; the first call of a slice starts it. */
function spent(): number {
  const now = performance.now()
  if (sliceStart === undefined) {
    sliceStart = now
    // Runs in this turn's check phase, before the drain scheduled after it, which then starts a
    // fresh slice; anything that drain leaves waits for the next turn's check phase.
    setImmediate(() => (sliceStart = undefined))
  }
  return now - sliceStart
}

/**
 * Runs CPU-heavy `work` now while this turn's slice lasts, else in a later turn after the loop has
 * polled; queued work runs in the order it came, and nothing jumps the queue.
 */
export function runFair<T>(work: () => T): Promise<T> {
  if (queue.length === 0 && spent() < SLICE_MS) {
    try {
      return Promise.resolve(work())
    } catch (error) {
      return Promise.reject(error)
    }
  }
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
    if (!draining) scheduleDrain()
  })
}

function scheduleDrain(): void {
  draining = true
  setImmediate(() => {
    while (queue.length > 0 && spent() < SLICE_MS) {
      const next = queue.shift()!
      try {
        next.resolve(next.work())
      } catch (error) {
        next.reject(error)
      }
    }
    if (queue.length > 0) scheduleDrain()
    else draining = false
  })
}
