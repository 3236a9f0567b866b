import type { FailureGroup, Image } from '../contract/api'
import { failureHint } from './hints'
import { failureSignature, type FailureSignature } from './signature'

/** Signatures already worked out, per reason text (reasons repeat across images and requests). */
export type SignatureCache = Map<string, FailureSignature>

/**
 * The images that have a FailedReason, grouped by its signature (design.md §4 `/api/failures`):
 * largest group first (then the most recent, then by key, so the order is stable); within a
 * group the newest image first, and that image's reason is the group's example and summary.
 */
export function groupFailures(
  images: readonly Image[],
  cache: SignatureCache = new Map(),
): FailureGroup[] {
  const byKey = new Map<string, { signature: FailureSignature; members: Image[] }>()
  for (const image of images) {
    const reason = image.FailedReason
    if (typeof reason !== 'string' || reason.trim() === '') continue
    let signature = cache.get(reason)
    if (!signature) {
      signature = failureSignature(reason)
      cache.set(reason, signature)
    }
    const group = byKey.get(signature.key)
    if (group) group.members.push(image)
    else byKey.set(signature.key, { signature, members: [image] })
  }
  const groups: FailureGroup[] = []
  for (const [key, { members }] of byKey) {
    members.sort((a, b) => time(b) - time(a))
    const example = members[0]!
    const reason = example.FailedReason!
    const latest = members.find((m) => typeof m.CreateTime === 'number')?.CreateTime ?? null
    groups.push({
      key,
      summary: cache.get(reason)!.summary,
      reason,
      count: members.length,
      hint: failureHint(reason),
      latest,
      images: members.map(({ CompShareImageId, Name, VersionName, CreateTime }) => ({
        CompShareImageId,
        Name,
        VersionName,
        CreateTime,
      })),
    })
  }
  return groups.sort(
    (a, b) => b.count - a.count || (b.latest ?? -1) - (a.latest ?? -1) || (a.key < b.key ? -1 : 1),
  )
}

const time = (image: Image): number =>
  typeof image.CreateTime === 'number' ? image.CreateTime : -Infinity
