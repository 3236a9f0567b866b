import * as v from 'valibot'
import { createPreference } from '@/lib/preference-store'

/**
 * A named view: the list's URL query (filters, sort, order, size, view; no page, scope or open
 * image) and the hidden columns, always listed (a saved view is exact, unlike a link's `hide`).
 */
export interface SavedView {
  id: string
  name: string
  query: string
  hidden: string[]
  savedAt: number
}

export const MAX_NAME = 80
export const MAX_VIEWS = 200
const MAX_QUERY = 2000
const MAX_FILE_BYTES = 1_000_000
export const FILE_FORMAT = 'imagedeck.saved-views'
export const FILE_VERSION = 1

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/
const COLUMN_ID = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/

const nameSchema = v.pipe(
  v.string(),
  v.check((name) => {
    const trimmed = name.trim()
    return trimmed.length > 0 && trimmed.length <= MAX_NAME && !CONTROL.test(trimmed)
  }),
)
const querySchema = v.pipe(
  v.string(),
  v.maxLength(MAX_QUERY),
  v.check((query) => (query === '' || /^\?\S*$/.test(query)) && !CONTROL.test(query)),
)
const hiddenSchema = v.pipe(v.array(v.pipe(v.string(), v.regex(COLUMN_ID))), v.maxLength(40))
const idSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64))

/** A view as a file holds it: id and time may be missing (a hand-written file). */
const fileViewSchema = v.object({
  id: v.optional(idSchema),
  name: nameSchema,
  query: querySchema,
  hidden: hiddenSchema,
  savedAt: v.optional(v.pipe(v.number(), v.minValue(0))),
})

const storedViewSchema = v.object({
  id: idSchema,
  name: nameSchema,
  query: querySchema,
  hidden: hiddenSchema,
  savedAt: v.number(),
})

/** Stored views are read one by one: a damaged entry is skipped, the others stay. */
const storedListSchema = v.pipe(
  v.array(v.unknown()),
  v.transform((items) =>
    items.flatMap((item) => {
      const parsed = v.safeParse(storedViewSchema, item)
      return parsed.success ? [parsed.output] : []
    }),
  ),
)

export const savedViewsStore = createPreference<SavedView[]>(
  'imagedeck.views',
  storedListSchema,
  [],
)

export function newViewId(): string {
  // randomUUID exists only in secure contexts; a LAN address over http is not one.
  return (
    globalThis.crypto?.randomUUID?.() ??
    `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  )
}

const key = (name: string) => name.trim().toLocaleLowerCase()

export function findByName(views: readonly SavedView[], name: string): SavedView | undefined {
  return views.find((view) => key(view.name) === key(name))
}

/** Saves the view under its name; an existing view of that name is replaced (in place). */
export function saveView(
  views: readonly SavedView[],
  view: Pick<SavedView, 'name' | 'query' | 'hidden'>,
  now = Date.now(),
): SavedView[] {
  const name = view.name.trim()
  const existing = findByName(views, name)
  const saved: SavedView = {
    id: existing?.id ?? newViewId(),
    name,
    query: view.query,
    hidden: [...view.hidden],
    savedAt: now,
  }
  return existing
    ? views.map((other) => (other.id === existing.id ? saved : other))
    : [...views, saved]
}

export type RenameResult =
  { ok: true; views: SavedView[] } | { ok: false; error: 'taken' | 'invalid' }

export function renameView(views: readonly SavedView[], id: string, name: string): RenameResult {
  const trimmed = name.trim()
  if (!v.safeParse(nameSchema, trimmed).success) return { ok: false, error: 'invalid' }
  const taken = findByName(views, trimmed)
  if (taken && taken.id !== id) return { ok: false, error: 'taken' }
  return {
    ok: true,
    views: views.map((view) => (view.id === id ? { ...view, name: trimmed } : view)),
  }
}

export function deleteView(views: readonly SavedView[], id: string): SavedView[] {
  return views.filter((view) => view.id !== id)
}

export function isValidName(name: string): boolean {
  return v.safeParse(nameSchema, name).success
}

/** The export file: versioned, so a later format can still read this one. */
export function exportViews(views: readonly SavedView[], now = new Date()): string {
  const file = {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    views: views.map(({ id, name, query, hidden, savedAt }) => ({
      id,
      name,
      query,
      hidden,
      savedAt,
    })),
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

/** Why a file was refused; the dialog says it in the user's language (views.import.errors.*). */
export type ImportError =
  | { code: 'tooLarge' }
  | { code: 'notJson' }
  | { code: 'notViewsFile' }
  | { code: 'newerVersion'; version: number }
  | { code: 'tooMany'; max: number }
  | { code: 'badView'; index: number; field: string }

export type ImportResult = { ok: true; views: SavedView[] } | { ok: false; error: ImportError }

/**
 * Reads an export file (or a bare array of views) all or nothing: one bad entry refuses the file,
 * naming the entry and the field, so nothing is half imported.
 */
export function parseViewsFile(text: string, now = Date.now()): ImportResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: { code: 'tooLarge' } }
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, error: { code: 'notJson' } }
  }
  let items: unknown
  if (Array.isArray(data)) items = data
  else if (isRecord(data) && data.format === FILE_FORMAT) {
    if (typeof data.version === 'number' && data.version > FILE_VERSION)
      return { ok: false, error: { code: 'newerVersion', version: data.version } }
    items = data.views
  }
  if (!Array.isArray(items)) return { ok: false, error: { code: 'notViewsFile' } }
  if (items.length > MAX_VIEWS) return { ok: false, error: { code: 'tooMany', max: MAX_VIEWS } }
  const views: SavedView[] = []
  for (const [index, item] of items.entries()) {
    const parsed = v.safeParse(fileViewSchema, item)
    if (!parsed.success) {
      const field = String(parsed.issues[0].path?.[0]?.key ?? 'view')
      return { ok: false, error: { code: 'badView', index: index + 1, field } }
    }
    const { id, name, query, hidden, savedAt } = parsed.output
    views.push({ id: id ?? newViewId(), name: name.trim(), query, hidden, savedAt: savedAt ?? now })
  }
  return { ok: true, views }
}

/**
 * Adds imported views to the saved ones without losing any: an identical view is skipped, a name
 * already taken by a different view gets a number ("Failed (2)").
 */
export function mergeViews(
  current: readonly SavedView[],
  imported: readonly SavedView[],
): { views: SavedView[]; added: number; skipped: number } {
  const views = [...current]
  let added = 0
  let skipped = 0
  for (const view of imported) {
    const same = views.find(
      (other) =>
        key(other.name) === key(view.name) &&
        other.query === view.query &&
        sameList(other.hidden, view.hidden),
    )
    if (same || views.length >= MAX_VIEWS) {
      skipped++
      continue
    }
    let name = view.name
    for (let n = 2; findByName(views, name); n++)
      name = `${view.name.slice(0, MAX_NAME - 6)} (${n})`
    const id = views.some((other) => other.id === view.id) ? newViewId() : view.id
    views.push({ ...view, id, name })
    added++
  }
  return { views, added, skipped }
}

/** The saved view that is what the screen shows now, if any. */
export function matchingView(
  views: readonly SavedView[],
  current: Pick<SavedView, 'query' | 'hidden'>,
): SavedView | undefined {
  return views.find(
    (other) => other.query === current.query && sameList(other.hidden, current.hidden),
  )
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item))

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
