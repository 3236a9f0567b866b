import type { Image } from '@contract/api'
import { compareCreatedDesc } from '@/api/image-detail'
import { getPath, listItems } from './image-drawer-values'

/** What the Versions tab compares between two versions of a family (issue 11 §1), in order. */
export const COMPARED_FIELDS = [
  { path: 'Status', kind: 'status' },
  { path: 'Size', kind: 'size' },
  { path: 'Softwares.Framework', kind: 'text' },
  { path: 'Softwares.FrameworkVersion', kind: 'text' },
  { path: 'Softwares.CUDAVersion', kind: 'text' },
  { path: 'Softwares.Applications', kind: 'list' },
  { path: 'Tags', kind: 'list' },
] as const

export type ComparedField = (typeof COMPARED_FIELDS)[number]

export type FieldChange =
  | {
      path: ComparedField['path']
      kind: 'status' | 'size' | 'text'
      before: unknown
      after: unknown
      changed: boolean
    }
  | {
      path: ComparedField['path']
      kind: 'list'
      before: string[]
      after: string[]
      added: string[]
      removed: string[]
      changed: boolean
    }

const present = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** `before` → `after`, field by field; lists as sets (order and duplicates are not a change). */
export function compareVersions(before: Image, after: Image): FieldChange[] {
  return COMPARED_FIELDS.map(({ path, kind }): FieldChange => {
    const a = present(getPath(before, path))
    const b = present(getPath(after, path))
    if (kind !== 'list') return { path, kind, before: a, after: b, changed: !same(a, b) }
    const from = Array.isArray(a) ? listItems(a) : []
    const to = Array.isArray(b) ? listItems(b) : []
    const added = to.filter((item, i) => !from.includes(item) && to.indexOf(item) === i)
    const removed = from.filter((item, i) => !to.includes(item) && from.indexOf(item) === i)
    return {
      path,
      kind,
      before: from,
      after: to,
      added,
      removed,
      changed: added.length + removed.length > 0,
    }
  })
}

/** The default pair: the version before the open one, and the open one (newest-first list). */
export function defaultPair(
  versions: readonly Image[],
  currentId: string | null,
): [string, string] | null {
  const ids = versions.map((v) => v.CompShareImageId).filter((id): id is string => !!id)
  if (ids.length < 2) return null
  const index = currentId ? ids.indexOf(currentId) : -1
  if (index < 0) return [ids[1]!, ids[0]!]
  // Older is further down the newest-first list; the oldest is compared with the one after it.
  return index + 1 < ids.length ? [ids[index + 1]!, ids[index]!] : [ids[index]!, ids[index - 1]!]
}

/** The family's newest Available version other than `exceptId`, or null when there is none. */
export function newestAvailable(
  versions: readonly Image[],
  exceptId?: string | null,
): Image | null {
  return (
    [...versions]
      .sort(compareCreatedDesc)
      .find((v) => v.Status === 'Available' && v.CompShareImageId !== exceptId) ?? null
  )
}
