import { generateImages, type SandboxImage } from './data'

/**
 * The 'shift' fault: the list moves between pages as a live account's does. Odd steps add a new
 * image at the top (a pager sees a duplicate), even steps remove one near the top (a pager
 * misses one: a gap).
 */
export function createShifter(seed: number, startedAt: number) {
  const made = new Map<number, SandboxImage>()
  const inserted = (k: number): SandboxImage => {
    let image = made.get(k)
    if (!image) {
      const [fresh] = generateImages({ seed, count: 1, now: startedAt, salt: `shift-${k}` })
      // Newer than anything generated, so it sorts to the top; a finished, usable image.
      const createTime = Math.floor(startedAt / 1000) + k
      image = { ...fresh!, Status: 'Available', FailedReason: '', CreateTime: createTime }
      made.set(k, image)
    }
    return image
  }
  return (base: readonly unknown[], step: number): readonly unknown[] => {
    if (step <= 0) return base
    const adds = Math.ceil(step / 2)
    const removes = Math.floor(step / 2)
    const top = Array.from({ length: adds }, (_, i) => inserted(adds - i))
    return [...top, ...base.slice(removes)]
  }
}
