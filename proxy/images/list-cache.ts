import type { Image, Scope } from '../contract'
import { buildIndex, type QueryIndex } from './query-index'

/** One fetched list of one scope, indexed once for every query made over it. */
export interface Snapshot {
  readonly scope: Scope
  readonly index: QueryIndex
  /** Epoch milliseconds when the load finished. */
  readonly fetchedAt: number
}

export interface ListCacheOptions {
  /** Fetches a scope's whole list (fetch-all.ts over the upstream client). */
  load: (scope: Scope, signal?: AbortSignal) => Promise<Image[]>
  /** How long a snapshot is served without a refresh (design.md §3 `IMAGEDECK_CACHE_TTL_S`). */
  ttlMs: number
  now?: () => number
  /** Scopes kept, least recently used dropped first; 32 by default. */
  maxEntries?: number
  /** A refresh failed and the last good snapshot was served in its place. */
  onError?: (scope: Scope, error: unknown) => void
}

export interface CachedList {
  snapshot: Snapshot
  /** True when the last refresh failed and this is the last good list. */
  stale: boolean
}

export interface ListCache {
  /** The scope's list: from memory while fresh, else refreshed (one load shared by all callers). */
  get(scope: Scope, options?: { fresh?: boolean }): Promise<CachedList>
  /** The snapshot held for a scope, if any, whatever its age. */
  peek(scope: Scope): Snapshot | undefined
  /** Forgets every snapshot and aborts loads in flight. */
  clear(): void
}

interface Entry {
  snapshot?: Snapshot
  inflight?: Promise<CachedList>
  controller?: AbortController
  failedAt?: number
}

/** After a failed refresh, how long the stale list is served before upstream is tried again. */
const RETRY_AFTER_MS = 5000

/**
 * Per-(region, zone, project) list cache (design.md §4): fresh within `ttlMs`; concurrent
 * requests share one load; a failed refresh serves the last good list marked stale.
 */
export function createListCache(options: ListCacheOptions): ListCache {
  const now = options.now ?? Date.now
  const maxEntries = Math.max(1, options.maxEntries ?? 32)
  const retryAfter = Math.min(options.ttlMs, RETRY_AFTER_MS)
  const entries = new Map<string, Entry>()

  const entryFor = (key: string): Entry => {
    const entry = entries.get(key) ?? {}
    // Re-inserting keeps the Map in least-recently-used-first order.
    entries.delete(key)
    entries.set(key, entry)
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
    return entry
  }

  const refresh = (key: string, scope: Scope, entry: Entry): Promise<CachedList> => {
    const controller = new AbortController()
    const run = async (): Promise<CachedList> => {
      try {
        // Called through an async wrapper so that even a synchronous throw settles after
        // `entry.inflight` is set, and the finally below can clear it.
        const images = await (async () => options.load(scope, controller.signal))()
        const index = buildIndex(images.map(withoutReadme))
        const snapshot: Snapshot = { scope: { ...scope }, index, fetchedAt: now() }
        entry.snapshot = snapshot
        entry.failedAt = undefined
        return { snapshot, stale: false }
      } catch (error) {
        if (!entry.snapshot) {
          // Nothing to fall back on: forget the entry so the next request tries again at once.
          if (entries.get(key) === entry) entries.delete(key)
          throw error
        }
        entry.failedAt = now()
        reportError(scope, error)
        return { snapshot: entry.snapshot, stale: true }
      } finally {
        entry.inflight = undefined
        entry.controller = undefined
      }
    }
    entry.controller = controller
    entry.inflight = run()
    return entry.inflight
  }

  const reportError = (scope: Scope, error: unknown) => {
    try {
      options.onError?.(scope, error)
    } catch {
      // A failing logger must not turn a served stale list into an error.
    }
  }

  return {
    async get(scope, { fresh = false } = {}) {
      const key = scopeKey(scope)
      const entry = entryFor(key)
      if (entry.inflight) return entry.inflight
      const { snapshot, failedAt } = entry
      const t = now()
      if (snapshot && failedAt !== undefined && t - failedAt < retryAfter) {
        return { snapshot, stale: true }
      }
      if (snapshot && !fresh && failedAt === undefined && t - snapshot.fetchedAt < options.ttlMs) {
        return { snapshot, stale: false }
      }
      return refresh(key, scope, entry)
    },
    peek(scope) {
      return entries.get(scopeKey(scope))?.snapshot
    },
    clear() {
      for (const entry of entries.values()) entry.controller?.abort(new Error('list cache cleared'))
      entries.clear()
    },
  }
}

/** The cache key of a scope; JSON so no separator can make two scopes collide. */
export function scopeKey(scope: Scope): string {
  return JSON.stringify([scope.region, scope.zone, scope.project])
}

/** List answers never carry Readme (design.md §4); drop it if one slipped in. */
function withoutReadme(image: Image): Image {
  if (!('Readme' in image)) return image
  const { Readme: _readme, ...rest } = image
  return rest as Image
}
