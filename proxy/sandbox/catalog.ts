import type { Scope } from '../contract/api'
import { generateCatalog, type MakingPlan, type SandboxImage } from './data'
import { planProgress, presentImage, staticProgress, type CreateProgress } from './making'
import { buildReadme } from './readmes'
import { scopeCount } from './zones'

export interface CatalogOptions {
  seed: number
  count: number
  /** The sandbox's start clock (epoch ms); Making images are planned around it. */
  startedAt: number
  /** Serve exactly these records instead of generated ones (SANDBOX_FIXTURE). */
  fixture?: readonly unknown[] | null
}

/** The images the sandbox serves, per scope; generated lazily or taken from a fixture. */
export interface ImageCatalog {
  /** The scope's records in answer order, as stored. */
  list(scope: Scope): readonly unknown[]
  /** By `String(record.CompShareImageId)`. */
  find(scope: Scope, id: string): unknown
  /** A record as a client sees it at `now`, without Readme. */
  present(record: unknown, now: number): unknown
  /** A record with its Readme, for single-image answers. */
  detail(record: unknown, now: number): unknown
  progress(record: unknown, now: number): CreateProgress
  /** Swaps in a fixture (null: back to generated data). */
  setFixture(records: readonly unknown[] | null): void
}

const scopeKey = (s: Scope): string => `${s.region}/${s.zone}/${s.project}`

export function createCatalog(options: CatalogOptions): ImageCatalog {
  let fixture = options.fixture ?? null
  const lists = new Map<string, { images: SandboxImage[]; byId: Map<string, SandboxImage> }>()
  const plans = new WeakMap<object, MakingPlan>()
  const generated = new WeakSet<object>()

  const scopeList = (scope: Scope) => {
    const key = scopeKey(scope)
    let entry = lists.get(key)
    if (!entry) {
      const count = scopeCount(options.count, scope)
      const catalog = generateCatalog({ ...options, count, now: options.startedAt, salt: key })
      for (const [image, plan] of catalog.plans) plans.set(image, plan)
      for (const image of catalog.images) generated.add(image)
      const byId = new Map(catalog.images.map((image) => [image.CompShareImageId, image]))
      entry = { images: catalog.images, byId }
      lists.set(key, entry)
    }
    return entry
  }

  const present = (record: unknown, now: number): unknown => {
    const plan = typeof record === 'object' && record ? plans.get(record) : undefined
    if (plan) return presentImage(record as SandboxImage, plan, now)
    if (generated.has(record as object) || !hasReadme(record)) return record
    // Fixture records pass through untouched, except that lists never carry Readme.
    const { Readme: _readme, ...rest } = record as Record<string, unknown>
    return rest
  }

  return {
    list: (scope) => fixture ?? scopeList(scope).images,
    find(scope, id) {
      if (!fixture) return scopeList(scope).byId.get(id)
      return fixture.find((r) => isObject(r) && String(r.CompShareImageId) === id)
    },
    present,
    detail(record, now) {
      if (!generated.has(record as object)) return record
      return {
        ...(present(record, now) as SandboxImage),
        Readme: buildReadme(record as SandboxImage),
      }
    },
    progress(record, now) {
      const plan = isObject(record) ? plans.get(record) : undefined
      return plan ? planProgress(plan, now) : staticProgress(record)
    },
    setFixture(records) {
      fixture = records
    },
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const hasReadme = (record: unknown): boolean => isObject(record) && 'Readme' in record
