import { startTransition, useEffect, useState } from 'react'

/**
 * Rows that may mount in one task. Before this hook, mounting a 100-row page at once took one
 * 100–150 ms task (React render and commit) and another 70–110 ms of style, layout and paint on
 * the bench machine (the trace `npx tsx bench/trace.ts filter` prints). 20 rows fill the
 * viewport: 12 show at 1440×900, 20 at 2560×1440.
 */
export const ROW_SLICE = 20

interface Progress<T> {
  source: readonly T[]
  count: number
}

/**
 * How many of `rows` to render so that at most `slice` rows are new, i.e. not among `known`
 * (rows already on screen re-render cheaply, or not at all, as rows are memoised).
 */
export function sliceEnd<T extends { id: string }>(
  rows: readonly T[],
  known: ReadonlySet<string>,
  slice: number,
): number {
  let fresh = 0
  for (let i = 0; i < rows.length; i++) {
    if (!known.has(rows[i]!.id) && ++fresh > slice) return i
  }
  return rows.length
}

const idsOf = <T extends { id: string }>(rows: readonly T[], count: number) =>
  new Set(rows.slice(0, count).map((row) => row.id))

/** Runs `fn` after the browser has painted the frame now being prepared. */
function afterNextPaint(fn: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(fn, 0)
    return () => clearTimeout(timer)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

/**
 * A new page of rows mounts in slices, one per frame, so that no single task renders, lays out
 * and paints the whole page: the first slice (the rows in view) shows at once, the rest follow
 * within a few frames. A change that brings few new rows (a live refetch, a status update)
 * renders in one go, so rows already on screen never vanish.
 */
export function useProgressiveRows<T extends { id: string }>(
  rows: readonly T[],
  slice = ROW_SLICE,
): { visible: readonly T[]; complete: boolean } {
  const [progress, setProgress] = useState<Progress<T>>(() => ({
    source: rows,
    count: sliceEnd(rows, new Set(), slice),
  }))
  let current = progress
  if (progress.source !== rows) {
    // New rows: what was on screen a moment ago is cheap to keep, the rest is counted.
    current = { source: rows, count: sliceEnd(rows, idsOf(progress.source, progress.count), slice) }
    setProgress(current)
  }
  const { count } = current
  const complete = count >= rows.length

  useEffect(() => {
    if (complete) return
    // A transition: React renders the slice in short steps and lets input in between.
    return afterNextPaint(() =>
      startTransition(() =>
        setProgress((prev) =>
          prev.source === rows
            ? { source: rows, count: sliceEnd(rows, idsOf(rows, prev.count), slice) }
            : prev,
        ),
      ),
    )
  }, [rows, count, complete, slice])

  return { visible: complete ? rows : rows.slice(0, count), complete }
}
