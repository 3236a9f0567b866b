import type { ImageStatus } from '../contract/api'
import { failureReason } from './data-failures'
import { DESCRIPTIONS, EXTRA_TAGS, NAME_PREFIXES, VERSION_DESCS } from './data-text'
import { GPU_TYPES, MODELS, STACKS } from './data-stacks'
import type { SandboxImage } from './image-types'
import type { Draw } from './prng'

const DAY_S = 86_400
/** Mostly Available; Making is decided by the generator (only a family's newest version). */
const STATUS_WEIGHTS: readonly (readonly [ImageStatus, number])[] = [
  ['Available', 70],
  ['UnAvailable', 16],
  ['Reviewing', 7],
  ['Offline', 7],
]
const PRICES = [0.5, 0.99, 1, 1.5, 2, 2.99, 5, 9.9]

/** Per-list context the family generator needs. */
export interface FamilyContext {
  d: Draw
  /** Newest CreateTime allowed, unix seconds. */
  epochS: number
  owner: SandboxImage['Owner']
  newId: (prefix: string) => string
}

const fill = (pattern: string, vars: Record<string, string>): string =>
  pattern.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? '')

/** One GroupId: 1–4 versions of the same image, oldest first. */
export function makeFamily(ctx: FamilyContext, versions: number): SandboxImage[] {
  const { d } = ctx
  const stack = d.pick(STACKS)
  const model = d.pick(MODELS[d.pick(stack.kinds)])
  const lang = d.chance(0.6) ? 'zh' : 'en'
  const groupId = ctx.newId('imagegroup-')
  // Published to the image community (design.md §5: still the account's own Custom images).
  const community = d.chance(0.15)
  // Built from one of the platform's official base images, as most custom images are.
  const official = d.chance(0.7)
  const gpu = d.weighted(GPU_TYPES)
  let fwIndex = d.int(0, stack.versions.length - 1)
  const namePattern = d.pick(stack[lang])
  const bareName = !namePattern.includes('{m}')
  const name =
    d.pick(NAME_PREFIXES[lang]) + fill(namePattern, { m: model, v: stack.versions[fwIndex] ?? '' })
  let time = ctx.epochS - d.int(DAY_S, 540 * DAY_S)
  // Versions spread over the time left before the epoch, so they never pile up at its edge.
  const gap = Math.max(3600, Math.floor((ctx.epochS - time) / versions))
  // A bare environment (no model in its name) gets a description that names none either.
  const descriptions = DESCRIPTIONS[lang].filter((p) => bareName !== p.includes('{m}'))
  let major = 1
  let minor = 0
  const out: SandboxImage[] = []
  for (let i = 0; i < versions; i++) {
    if (i > 0) {
      time += d.int(600, gap)
      if (d.chance(0.3)) [major, minor] = [major + 1, 0]
      else minor += 1
      if (d.chance(0.5)) fwIndex = Math.min(fwIndex + 1, stack.versions.length - 1)
    }
    const fwVersion = stack.versions[fwIndex] ?? ''
    const cuda = d.pick(stack.cuda)
    const apps = d.some(stack.apps, d.int(1, stack.apps.length))
    const vars = { fw: stack.framework, v: fwVersion, cuda, m: model, apps: apps.join(', ') }
    const notes = VERSION_DESCS[lang]
    const visibility = community ? 1 : d.chance(0.25) ? 1 : 0
    const created = visibility ? Math.floor(d.next() ** 3 * 5000) : d.int(0, 40)
    const charge = visibility === 1 && d.chance(0.12)
    const id = ctx.newId('compshareImage-')
    out.push({
      CompShareImageId: id,
      Name: name,
      // design.md §5: the account's own images, so the author is the account's nickname.
      Author: ctx.owner.AccountName,
      AuthInfo: d.weighted([
        [0, 5],
        [1, 3],
        [2, 2],
      ] as const),
      // 镜像来源 (the reference doc): where the image it was built from came from.
      ImageOwnerAlias: official ? 'Official' : 'Community',
      ImageType: 'Custom',
      IsOfficial: official,
      Container: d.chance(0.3) ? 'True' : 'False',
      Status: 'Available',
      Size: d.int(stack.size[0], stack.size[1]),
      Visibility: visibility,
      Description: fill(d.pick(descriptions), vars),
      Tags: d.some(EXTRA_TAGS, 2, d.some(stack.tags, 2, [stack.tags[0]!])),
      Price: charge ? d.pick(PRICES) : 0,
      Cover: d.chance(0.45) ? coverUrl(id, d) : '',
      Softwares: {
        Framework: stack.framework,
        FrameworkVersion: fwVersion,
        CUDAVersion: cuda,
        Applications: apps,
      },
      CreatedCount: created,
      FavoritesCount: Math.floor(created * d.next() * 0.4),
      FailedReason: '',
      CreateTime: time,
      PubTime: visibility ? Math.min(ctx.epochS, time + d.int(600, 5 * DAY_S)) : 0,
      Owner: ctx.owner,
      GroupId: groupId,
      VersionName: `v${major}.${minor}`,
      VersionDesc: fill(d.pick(i === 0 ? notes.first : notes.next), vars),
      SourceGpuType: gpu,
      AutoStart: d.chance(0.3),
      ImageCharge: charge,
      ImageUseTime: created * d.int(600, 36_000),
    })
    applyStatus(out[i]!, d.weighted(STATUS_WEIGHTS), d)
  }
  return out
}

/** Sets a status and the fields that go with it. */
export function applyStatus(image: SandboxImage, status: ImageStatus, d: Draw): void {
  image.Status = status
  image.FailedReason = status === 'UnAvailable' ? failureReason(d) : ''
  if (status === 'UnAvailable' || status === 'Making') {
    image.Visibility = image.PubTime = image.CreatedCount = image.FavoritesCount = 0
    image.ImageUseTime = image.Price = 0
    image.ImageCharge = false
  }
  // Submitted for the community: public once approved, so not published yet.
  if (status === 'Reviewing') {
    image.Visibility = 1
    image.PubTime = 0
  }
}

function coverUrl(id: string, d: Draw): string {
  // A CDN-like object-storage URL; the host is modelled, nothing is served there.
  const ext = d.pick(['jpg', 'png', 'webp'])
  return `https://compshare-cover.cn-wlcb.ufileos.com/image-cover/${id.slice(-8)}.${ext}`
}
