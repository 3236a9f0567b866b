import type { Image } from '@contract/api'

/** A build the tab keeps an eye on: enough to word the notification without another fetch. */
export interface WatchedBuild {
  id: string
  name: string
  version: string | null
}

export type BuildEnd =
  | { kind: 'available'; build: WatchedBuild }
  | { kind: 'failed'; build: WatchedBuild; summary: string | null }

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null

export function watchedBuild(image: Image): WatchedBuild | null {
  const id = text(image.CompShareImageId)
  if (!id) return null
  return { id, name: text(image.Name) ?? id, version: text(image.VersionName) }
}

/**
 * The line of a failure reason that says what went wrong: a traceback's final exception line,
 * else its first line, shortened for a notification.
 */
export function failureSummary(reason: unknown, max = 140): string | null {
  const lines = (text(reason) ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  if (lines.length === 0) return null
  const exception = lines.findLast((line) => /^[\w.]*(Error|Exception)\b.*:/.test(line))
  const line = exception ?? lines[0]!
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** How a build ended, from its record after it left Making; null while it has not ended. */
export function buildEnd(build: WatchedBuild, image: Image | undefined): BuildEnd | 'gone' | null {
  if (!image) return 'gone'
  const current = watchedBuild(image) ?? build
  if (image.Status === 'Available') return { kind: 'available', build: current }
  if (image.Status === 'UnAvailable')
    return { kind: 'failed', build: current, summary: failureSummary(image.FailedReason) }
  if (image.Status === 'Making') return null
  return 'gone' // Reviewing, Offline…: not the end of a build, and nothing to say about it
}

/**
 * After a poll of the Making images: which watched builds left Making (to be looked up) and what
 * to watch from now on. `all` watches every Making image this tab has seen; otherwise only the
 * builds the user picked, which were Making when picked.
 */
export function leftMaking({
  tracked,
  picked,
  all,
  making,
}: {
  tracked: ReadonlyMap<string, WatchedBuild>
  picked: readonly WatchedBuild[]
  all: boolean
  making: readonly Image[]
}): { left: WatchedBuild[]; tracked: Map<string, WatchedBuild> } {
  const now = new Map<string, WatchedBuild>()
  for (const image of making) {
    const build = watchedBuild(image)
    if (build) now.set(build.id, build)
  }
  const candidates = new Map(tracked)
  for (const build of picked) if (!candidates.has(build.id)) candidates.set(build.id, build)
  const left = [...candidates.values()].filter((build) => !now.has(build.id))
  const pickedIds = new Set(picked.map((build) => build.id))
  const next = new Map([...now].filter(([id]) => all || pickedIds.has(id)))
  return { left, tracked: next }
}
