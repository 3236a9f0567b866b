import type { Image } from '../contract/api'
import { UpstreamError } from '../upstream/client'

/** Fetches one page of the list: the API's `Offset`/`Limit` and its `ImageSet`/`TotalCount`. */
export type FetchPage = (
  page: { offset: number; limit: number },
  signal?: AbortSignal,
) => Promise<{ images: Image[]; totalCount: number | null }>

export interface FetchAllOptions {
  /** Rows per request; the API's maximum, 100, by default (and never more). */
  pageSize?: number
  /** Requests in flight at once after the first page; 4 by default. */
  concurrency?: number
  /** A hard stop, so a misbehaving upstream can never keep us paging; 2000 by default. */
  maxPages?: number
  signal?: AbortSignal
  /** Each page as it arrives, before the order of the whole list is known. */
  onPage?: (page: readonly Image[]) => void
}

export interface FetchAllResult {
  /** In the API's order, duplicates (by `CompShareImageId`) removed. */
  images: Image[]
  /** Requests that succeeded. */
  pages: number
  /** The first page's `TotalCount`, when it was usable. */
  totalCount: number | null
}

/** design.md §2: `Limit` is at most 100. */
const API_MAX_LIMIT = 100

/**
 * Fetches an account's whole list (design.md §4): offset 0 first for `TotalCount`, then the rest a
 * few pages at a time; without a usable `TotalCount`, page by page until a short page. Any failure
 * fails the whole fetch: the requests still running are aborted, and it settles once they have.
 */
export async function fetchAllImages(
  fetchPage: FetchPage,
  options: FetchAllOptions = {},
): Promise<FetchAllResult> {
  const pageSize = clampInt(options.pageSize ?? API_MAX_LIMIT, 1, API_MAX_LIMIT)
  const concurrency = clampInt(options.concurrency ?? 4, 1, 64)
  const maxPages = clampInt(options.maxPages ?? 2000, 1, Number.MAX_SAFE_INTEGER)
  const outer = options.signal
  outer?.throwIfAborted()

  const controller = new AbortController()
  const abortFromOuter = () => controller.abort(outer?.reason)
  outer?.addEventListener('abort', abortFromOuter, { once: true })
  const pages: Image[][] = []
  let first: number | null = null
  let largest = 0
  let done = false
  let failure: { error: unknown } | undefined

  const fetchAt = async (index: number): Promise<Image[]> => {
    controller.signal.throwIfAborted()
    const { images, totalCount } = await fetchPage(
      { offset: index * pageSize, limit: pageSize },
      controller.signal,
    )
    controller.signal.throwIfAborted()
    const total = usableTotal(totalCount, images.length)
    // A first page with nothing on it while TotalCount says otherwise is a broken answer, not an
    // empty account: fail, so the last good list is served (stale) instead of "0 images".
    if (index === 0 && images.length === 0 && (total ?? 0) > 0) {
      throw new UpstreamError({
        kind: 'unavailable',
        action: 'DescribeCompShareCustomImages',
        message: `The API reported ${total} images but returned none`,
      })
    }
    pages[index] = images
    options.onPage?.(images)
    // An empty later page ends the list whatever TotalCount claims, so a lying TotalCount cannot
    // keep us paging.
    if (images.length === 0) done = true
    if (index === 0) first = total
    largest = Math.max(largest, total ?? 0)
    return images
  }
  // Page by page while pages come back full: the only sign of the end without a TotalCount.
  const pageOnFrom = async (index: number) => {
    for (let last = pages[index - 1] ?? []; ; index++) {
      if (done || last.length < pageSize || index >= maxPages) return
      last = await fetchAt(index)
    }
  }

  try {
    await fetchAt(0)
    const total = first as number | null // set by fetchAt(0); TS cannot see through the closure
    if (total === null) {
      await pageOnFrom(1)
    } else {
      const planned = Math.min(maxPages, Math.ceil(total / pageSize))
      let next = 1
      const worker = async () => {
        while (!done && failure === undefined && next < planned) {
          const index = next++
          try {
            await fetchAt(index)
          } catch (error) {
            failure ??= { error }
            controller.abort(error)
          }
        }
      }
      const workers = Math.max(0, Math.min(concurrency, planned - 1))
      await Promise.all(Array.from({ length: workers }, worker))
      if (failure) throw failure.error
      // The list grew while we paged (a later page reported more): fetch what moved past the plan.
      if (largest > planned * pageSize) await pageOnFrom(planned)
    }
  } catch (error) {
    controller.abort(error)
    throw outer?.aborted ? outer.reason : error
  } finally {
    outer?.removeEventListener('abort', abortFromOuter)
  }

  const fetched = pages.filter((page): page is Image[] => page !== undefined)
  return { images: dedupeById(fetched), pages: fetched.length, totalCount: first }
}

/** Keeps the first row of each `CompShareImageId`; rows without an id are all kept. */
export function dedupeById(pages: readonly (readonly Image[])[]): Image[] {
  const seen = new Set<string>()
  const out: Image[] = []
  for (const page of pages) {
    for (const image of page) {
      const id = image.CompShareImageId
      if (typeof id === 'string' && id !== '') {
        if (seen.has(id)) continue
        seen.add(id)
      }
      out.push(image)
    }
  }
  return out
}

function usableTotal(total: number | null, firstPageLength: number): number | null {
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) return null
  // A TotalCount below what we already hold is inconsistent: fall back to paging to the end.
  return total < firstPageLength ? null : total
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return value > 0 ? max : min
  return Math.min(max, Math.max(min, Math.floor(value)))
}
