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
  /** A new snapshot is in place (the one it replaced is no longer held). */
  onSnapshot?: (snapshot: Snapshot) => void
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
        const index = buildIndex(internValues(images.map(withoutReadme)))
        const snapshot: Snapshot = { scope: { ...scope }, index, fetchedAt: now() }
        entry.snapshot = snapshot
        entry.failedAt = undefined
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

/**
 * Makes equal values of a snapshot one value. Names, descriptions, tags, statuses and the like
 * repeat across the versions of an image family and across the account, and each decoded row held
 * its own copy (design issue on proxy RSS): equal strings become one string, and equal `Tags`
 * lists, `Softwares` and `Owner` records (most rows share one of a few dozen) become one frozen
 * instance. Done in place with equal values, so nothing observable changes; nothing mutates a
 * snapshot's rows (a frozen shared record would throw if anything tried). Ids are unique and are
 * left as they are.
 */
export function internValues(images: Image[]): Image[] {
  const strings = new Map<string, string>()
  const intern = (value: string): string => {
    const known = strings.get(value)
    if (known !== undefined) return known
    strings.set(value, value)
    return value
  }
  const internFields = (record: Record<string, unknown>, skip?: string) => {
    for (const key of Object.keys(record)) {
      if (key === skip) continue
      const value = record[key]
      if (typeof value === 'string') record[key] = intern(value)
      else if (isStringList(value))
        for (let i = 0; i < value.length; i++) value[i] = intern(value[i]!)
    }
  }
  const records = new Map<string, unknown>()
  /** One instance per distinct value: only plain records and lists of strings (or null) qualify. */
  const share = <T>(value: T): T => {
    if (!isSimple(value)) return value
    const key = JSON.stringify(value)
    const known = records.get(key)
    if (known !== undefined) return known as T
    if (!Array.isArray(value)) internFields(value as Record<string, unknown>)
    deepFreeze(value)
    records.set(key, value)
    return value
  }
  for (const image of images) {
    internFields(image, 'CompShareImageId')
    if (image.Tags) image.Tags = share(image.Tags)
    if (image.Softwares) image.Softwares = share(image.Softwares)
    if (image.Owner) image.Owner = share(image.Owner)
  }
  return images
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/**
 * A list of strings, or a plain record of strings, nulls and lists of strings: what the decoder
 * makes of Tags, Softwares and Owner. Such values are equal exactly when their JSON is.
 */
function isSimple(value: unknown): boolean {
  if (isStringList(value)) return !Object.isFrozen(value)
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return false
  if (Object.getPrototypeOf(value) !== Object.prototype) return false
  return Object.values(value).every((v) => typeof v === 'string' || v === null || isStringList(v))
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}
