/**
 * The project's one seeded PRNG, so generated data is the same for the same seed on every machine:
 * the sandbox's catalog, the randomized tests and the bench all draw from it. It lives with the
 * sandbox (which may import nothing of the proxy's own code); tests and the bench import it here.
 * mulberry32: 32-bit state, fast, good enough for fake data (not for anything secret).
 */
export type Rng = () => number

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a over UTF-16 code units: derives sub-seeds from strings (scope names, ids). */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** Convenience draws over one Rng; every helper consumes the stream in a fixed order. */
export class Draw {
  constructor(readonly next: Rng) {}

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new RangeError('pick from an empty list')
    return item
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((sum, [, w]) => sum + w, 0)
    let roll = this.next() * total
    for (const [value, weight] of table) {
      roll -= weight
      if (roll < 0) return value
    }
    return table[table.length - 1]![0]
  }

  /** Appends up to `n` items of the pool, in pool order, skipping ones `into` already holds. */
  some<T>(items: readonly T[], n: number, into: T[] = []): T[] {
    const p = n / items.length
    let added = 0
    for (const item of items) {
      if (this.next() < p && added < n && !into.includes(item)) {
        into.push(item)
        added += 1
      }
    }
    return into
  }

  alnum(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += ALNUM[Math.floor(this.next() * ALNUM.length)]
    return out
  }
}
