import { useCallback, useEffect, useState, type RefObject } from 'react'

export interface ScrollEdges {
  /** Content is hidden to the left (scrolled away from the start). */
  start: boolean
  /** Content is hidden to the right. */
  end: boolean
  /** Width of the vertical scrollbar (px), so an overlay at the right edge can sit beside it. */
  scrollbar: number
}

const NONE: ScrollEdges = { start: false, end: false, scrollbar: 0 }

/** Which sides of a horizontally scrolling element hide content, kept up to date. */
export function useScrollEdges(ref: RefObject<HTMLElement | null>): ScrollEdges {
  const [edges, setEdges] = useState<ScrollEdges>(NONE)
  const measure = useCallback(() => {
    const el = ref.current
    if (!el) return
    // 1 px of slack: zoomed pages report fractional scroll positions.
    const start = el.scrollLeft > 1
    const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1
    const scrollbar = el.offsetWidth - el.clientWidth - el.clientLeft * 2
    setEdges((prev) =>
      prev.start === start && prev.end === end && prev.scrollbar === scrollbar
        ? prev
        : { start, end, scrollbar },
    )
  }, [ref])

  useEffect(() => {
    const el = ref.current
    if (!el) return
    measure()
    el.addEventListener('scroll', measure, { passive: true })
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null
    observer?.observe(el)
    // The table inside changes width when columns are shown or hidden.
    for (const child of el.children) observer?.observe(child)
    return () => {
      el.removeEventListener('scroll', measure)
      observer?.disconnect()
    }
  }, [ref, measure])

  return edges
}
