import { useSyncExternalStore } from 'react'
import * as v from 'valibot'

export interface Preference<T> {
  readonly key: string
  get: () => T
  set: (value: T | ((prev: T) => T)) => void
  subscribe: (onChange: () => void) => () => void
}

function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined // disabled storage (privacy modes): preferences last for the session
  }
}

/**
 * One personal setting in local storage (design.md §6: not in the URL), validated on read so a
 * hand-edited or outdated value falls back instead of breaking the page; synced across tabs.
 */
export function createPreference<T>(
  key: string,
  schema: v.GenericSchema<unknown, T>,
  fallback: T,
): Preference<T> {
  const listeners = new Set<() => void>()
  let cache: { raw: string | null; value: T } | undefined

  const read = (): T => {
    const raw = storage()?.getItem(key) ?? null
    if (cache && cache.raw === raw) return cache.value
    let value = fallback
    if (raw !== null) {
      try {
        const parsed = v.safeParse(schema, JSON.parse(raw))
        if (parsed.success) value = parsed.output
      } catch {
        // not JSON: keep the fallback
      }
    }
    cache = { raw, value }
    return value
  }

  const notify = () => listeners.forEach((listener) => listener())

  return {
    key,
    get: read,
    set(update) {
      const next = typeof update === 'function' ? (update as (prev: T) => T)(read()) : update
      const raw = JSON.stringify(next)
      try {
        storage()?.setItem(key, raw)
      } catch {
        // quota or disabled storage: keep the value in memory
      }
      cache = { raw: storage()?.getItem(key) ?? raw, value: next }
      notify()
    },
    subscribe(onChange) {
      listeners.add(onChange)
      const onStorage = (event: StorageEvent) => {
        if (event.key === key) onChange()
      }
      window.addEventListener('storage', onStorage)
      return () => {
        listeners.delete(onChange)
        window.removeEventListener('storage', onStorage)
      }
    },
  }
}

export function usePreference<T>(preference: Preference<T>): [T, Preference<T>['set']] {
  const value = useSyncExternalStore(preference.subscribe, preference.get, preference.get)
  return [value, preference.set]
}
