import { readFile } from 'node:fs/promises'

/**
 * Reads SANDBOX_FIXTURE: a JSON array of CompShareImage objects, or a whole API answer with
 * `ImageSet`. The records are served as they are, wrong types included (design.md §5).
 */
export async function loadFixture(path: string): Promise<unknown[]> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read fixture ${path}: ${(error as Error).message}`, { cause: error })
  }
  const images = fixtureImages(json)
  if (!images) throw new Error(`fixture ${path} is neither an array nor an object with ImageSet`)
  return images
}

/** A fixture is an array of images, or a whole API answer with `ImageSet` (design.md §5). */
export function fixtureImages(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json
  const set = (json as { ImageSet?: unknown } | null | undefined)?.ImageSet
  return Array.isArray(set) ? set : null
}
