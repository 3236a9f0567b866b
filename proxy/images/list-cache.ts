import type { Image, Scope } from '../contract/api'
import { indexBuilder, warmIndex, type QueryIndex } from './query-index'

/** One fetched list of one scope, indexed once for every query made over it. */
export interface Snapshot {
  readonly scope: Scope
  readonly index: QueryIndex
  /** Epoch milliseconds when the load finished. */
  readonly fetchedAt: number
}

/** What a load is given besides the scope. */
export interface LoadContext {
  signal: AbortSignal
  /** Hands over each page as it arrives, so its rows are indexed while the rest are fetched. */
  onPage: (page: readonly Image[]) => void
}

export interface ListCacheOptions {
  /** Fetches a scope's whole list (fetch-all.ts over the upstream client). */
  load: (scope: Scope, context: LoadContext) => Promise<Image[]>
  /** How long a snapshot is served without a refresh (design.md §3 `IMAGEDECK_CACHE_TTL_S`). */
  ttlMs: number
  /**
   * Stale-while-revalidate: a snapshot older than `ttlMs` but younger than this is served at once
   * while a refresh runs in the background; an older one waits for the refresh. 10 × `ttlMs` by
   * default.
   */
  maxStaleMs?: number
  now?: () => number
  /** Scopes kept, least recently used dropped first; 32 by default. */
  maxEntries?: number
  /** A refresh failed and the last good snapshot was served in its place. */
  onError?: (scope: Scope, error: unknown) => void
  /** A new snapshot is in place (the one it replaced is no longer held). */
  onSnapshot?: (snapshot: Snapshot) => void
}

export interface CachedList {
  snapshot: Snapshot
  /** True when the last refresh failed and this is the last good list. */
  stale: boolean
}

export interface ListCache {
  /**
   * The scope's list: from memory while fresh; past the TTL, from memory while a refresh runs in
   * the background (within `maxStaleMs`); else, or with `fresh`, after a refresh (one load shared
   * by all callers).
   */
  get(scope: Scope, options?: { fresh?: boolean }): Promise<CachedList>
  /** The snapshot held for a scope, if any, whatever its age. */
  peek(scope: Scope): Snapshot | undefined
  /** While a scope's list is served stale: the error of its last failed refresh, and when. */
  lastFailure(scope: Scope): { error: unknown; at: number } | undefined
  /** Forgets every snapshot and aborts loads in flight. */
  clear(): void
}

interface Entry {
  snapshot?: Snapshot
  inflight?: Promise<CachedList>
  controller?: AbortController
  failedAt?: number
  lastError?: unknown
  /** The pending warmIndex of the snapshot (a newer snapshot or clear() cancels it). */
  warming?: NodeJS.Timeout
}

/**
 * How long after a load its index is warmed (see warmIndex): after its first answers have been
 * read, and before anyone has typed a search. Sooner, the warming ran into the bench's own
 * reading of the cold answer (~70 ms more on issue 9's cold list guard).
 */
const WARM_DELAY_MS = 1000

/** After a failed refresh, how long the stale list is served before upstream is tried again. */
const RETRY_AFTER_MS = 5000

/**
 * Per-(region, zone, project) list cache (design.md §4): fresh within `ttlMs`, then refreshed in
 * the background while the old list is served, up to `maxStaleMs`; concurrent requests share one
 * load; a failed refresh serves the last good list marked stale.
 */
export function createListCache(options: ListCacheOptions): ListCache {
  const now = options.now ?? Date.now
  const maxEntries = Math.max(1, options.maxEntries ?? 32)
  const retryAfter = Math.min(options.ttlMs, RETRY_AFTER_MS)
  const maxStale = options.maxStaleMs ?? 10 * options.ttlMs
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
        const builder = indexBuilder(withoutReadme)
        const context = { signal: controller.signal, onPage: builder.add }
        const images = await (async () => options.load(scope, context))()
        const index = builder.finish(images)
        const snapshot: Snapshot = { scope: { ...scope }, index, fetchedAt: now() }
        entry.snapshot = snapshot
        clearTimeout(entry.warming)
        entry.warming = setTimeout(() => warmIndex(index), WARM_DELAY_MS).unref()
        entry.failedAt = undefined
        entry.lastError = undefined
        try {
          options.onSnapshot?.(snapshot)
        } catch {
          // A failing hook must not fail a load that succeeded.
        }
        return { snapshot, stale: false }
      } catch (error) {
        if (!entry.snapshot) {
          // Nothing to fall back on: forget the entry so the next request tries again at once.
          if (entries.get(key) === entry) entries.delete(key)
          throw error
        }
        entry.failedAt = now()
        entry.lastError = error
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
      const { snapshot, failedAt } = entry
      const t = now()
      if (snapshot && failedAt !== undefined && t - failedAt < retryAfter) {
        return { snapshot, stale: true }
      }
      if (fresh || !snapshot) return entry.inflight ?? refresh(key, scope, entry)
      const age = t - snapshot.fetchedAt
      if (failedAt === undefined && age < options.ttlMs) return { snapshot, stale: false }
      if (age < maxStale) {
        // Refresh behind the answer; a failure is reported and marks later answers stale.
        if (!entry.inflight) refresh(key, scope, entry).catch(() => {})
        return { snapshot, stale: failedAt !== undefined }
      }
      return entry.inflight ?? refresh(key, scope, entry)
    },
    peek(scope) {
      return entries.get(scopeKey(scope))?.snapshot
    },
    lastFailure(scope) {
      const entry = entries.get(scopeKey(scope))
      if (entry?.failedAt === undefined) return undefined
      return { error: entry.lastError, at: entry.failedAt }
    },
    clear() {
      for (const entry of entries.values()) {
        entry.controller?.abort(new Error('list cache cleared'))
        clearTimeout(entry.warming)
      }
      entries.clear()
    },
  }
}

/** design.md §4: a list answer never carries Readme; should one come, the snapshot does not keep it. */
function withoutReadme(image: Image): Image {
  if (!('Readme' in image)) return image
  const { Readme: _readme, ...rest } = image
  return rest as Image
}

/** The cache key of a scope; JSON so no separator can make two scopes collide. */
export function scopeKey(scope: Scope): string {
  return JSON.stringify([scope.region, scope.zone, scope.project])
}
