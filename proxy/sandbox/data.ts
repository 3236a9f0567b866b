import { IMAGE_STATUSES } from '../contract/api'
import { applyStatus, makeFamily, type FamilyContext } from './data-family'
import { FAILURE_CAUSES, failureReason, failureReasonOf } from './data-failures'
import { ACCOUNT_NAMES } from './data-text'
import type { MakingPlan, SandboxImage } from './image-types'
import { Draw, hashString, mulberry32 } from './prng'

export type { MakingPlan, SandboxImage } from './image-types'

export interface GenerateOptions {
  seed: number
  count: number
  /** The sandbox's start clock (epoch ms): Making images start around it. */
  now: number
  /** Mixed into the seed so each (region, zone, project) gets its own list. */
  salt?: string
}

export interface GeneratedCatalog {
  /** Newest first (CreateTime desc, then id), so Offset paging is stable. */
  images: SandboxImage[]
  /** How each Making image advances, keyed by the image object. */
  plans: Map<SandboxImage, MakingPlan>
}

/** Generated CreateTimes end here (or at `now` if earlier), so the same seed gives the same data. */
const DATA_ANCHOR_MS = Date.UTC(2026, 10, 1)
const MINUTE = 60_000
const SIZES: readonly (readonly [number, number])[] = [
  [1, 50],
  [2, 25],
  [3, 17],
  [4, 8],
]

/** Plain images, for benchmarks and fixtures: no readmes, Making frozen at `now`. */
export function generateImages(options: GenerateOptions): SandboxImage[] {
  return generateCatalog(options).images
}

export function generateCatalog({
  seed,
  count,
  now,
  salt = '',
}: GenerateOptions): GeneratedCatalog {
  const d = new Draw(mulberry32(hashString(salt, seed >>> 0)))
  const ids = new Set<string>()
  const newId = (prefix: string): string => {
    let id = prefix + d.alnum(8)
    while (ids.has(id)) id = prefix + d.alnum(8)
    ids.add(id)
    return id
  }
  const epochMs = Math.min(DATA_ANCHOR_MS, now) - d.int(0, 6) * 60 * MINUTE
  const owner = {
    AccountId: String(d.int(50_000_000, 69_999_999)),
    AccountName: d.pick(ACCOUNT_NAMES),
  }
  const ctx: FamilyContext = { d, epochS: Math.floor(epochMs / 1000), owner, newId }
  const images: SandboxImage[] = []
  const plans = new Map<SandboxImage, MakingPlan>()
  for (let family = 0; images.length < count; family++) {
    const versions = makeFamily(ctx, Math.min(d.weighted(SIZES), count - images.length))
    const newest = versions[versions.length - 1]!
    // The first two families always have a long build running, so a demo always shows Making.
    if (family < 2 || d.chance(0.04)) plans.set(newest, startMaking(newest, d, now, family < 2))
    images.push(...versions)
  }
  if (count >= 5) ensureEveryStatus(images, d)
  ensureEveryCause(images, d)
  images.sort(
    (a, b) => b.CreateTime - a.CreateTime || compare(a.CompShareImageId, b.CompShareImageId),
  )
  return { images, plans }
}

function startMaking(image: SandboxImage, d: Draw, now: number, long: boolean): MakingPlan {
  // Long builds end at least 75 minutes after `now`: a demo always has Making rows for an hour.
  const durationMs = long ? d.int(90, 240) * MINUTE : d.int(2 * MINUTE, 10 * MINUTE)
  const startMs = now - d.int(0, long ? 15 * MINUTE : 90_000)
  const failed = d.chance(0.25)
  applyStatus(image, 'Making', d)
  image.CreateTime = Math.floor(startMs / 1000)
  const failedReason = failed ? failureReason(d) : ''
  return { startMs, durationMs, outcome: failed ? 'UnAvailable' : 'Available', failedReason }
}

/**
 * The first failed builds take one cause each, in the table's order, so every cause is in the
 * demo (the triage view's groups); the rest keep their weighted draw, so some groups are large.
 */
function ensureEveryCause(images: SandboxImage[], d: Draw): void {
  const failed = images.filter((image) => image.Status === 'UnAvailable')
  for (let i = 0; i < Math.min(failed.length, FAILURE_CAUSES.length); i++) {
    failed[i]!.FailedReason = failureReasonOf(i, d)
  }
}

/** Small lists could miss a status by chance; demos and tests want each one present. */
function ensureEveryStatus(images: SandboxImage[], d: Draw): void {
  for (const status of IMAGE_STATUSES) {
    if (status === 'Making' || images.some((image) => image.Status === status)) continue
    const available = images.filter((image) => image.Status === 'Available')
    if (available.length > 1) applyStatus(d.pick(available), status, d)
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
