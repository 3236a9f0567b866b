import type { Image, ImageDetail, Progress, Scope, Zone } from '../contract/api'
import type { UpstreamClient } from './client'
import { decodeImageSet, decodeProgress, decodeZones } from './decode'

/**
 * Typed upstream calls: the only module that knows action and parameter names.
 * Parameter names from the reference doc (DescribeCompShareCustomImages) and the official SDKs.
 */

// The reference doc: "不填写为默认项目" — an empty project means the account's default one.
function scopeParams(scope: Scope) {
  return {
    Region: scope.region,
    Zone: scope.zone,
    ...(scope.project === '' ? {} : { ProjectId: scope.project }),
  }
}

/** One page of DescribeCompShareCustomImages (Limit 1–100 per the reference doc). */
export async function describeImagesPage(
  client: UpstreamClient,
  scope: Scope,
  page: { offset: number; limit: number; imageId?: string },
  signal?: AbortSignal,
): Promise<{ images: Image[]; totalCount: number | null; requestId?: string }> {
  if (!Number.isInteger(page.offset) || page.offset < 0) {
    throw new RangeError(`offset must be an integer >= 0, got ${page.offset}`)
  }
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > 100) {
    throw new RangeError(`limit must be an integer in 1–100, got ${page.limit}`)
  }
  const { body, requestId } = await client.call(
    'DescribeCompShareCustomImages',
    {
      ...scopeParams(scope),
      ...(page.imageId ? { CompShareImageId: page.imageId } : {}),
      Offset: page.offset,
      Limit: page.limit,
    },
    { signal },
  )
  const { images, totalCount } = decodeImageSet(body)
  return requestId === undefined ? { images, totalCount } : { images, totalCount, requestId }
}

/** GetCompShareImageCreateProgress for an image in `Making`; null when the API gives no figures. */
export async function getImageCreateProgress(
  client: UpstreamClient,
  scope: Scope,
  imageId: string,
  signal?: AbortSignal,
): Promise<Progress | null> {
  const { body } = await client.call(
    'GetCompShareImageCreateProgress',
    { ...scopeParams(scope), CompShareImageId: imageId },
    { signal },
  )
  return decodeProgress(body)
}

/**
 * DescribeCompShareSupportZone for one region. `Region` is required (the official Python and Go
 * SDKs mark it so; a strict API answers "Missing params [Region]"): design.md §4 sends the region
 * asked for, else the configured default, so callers must always name one.
 */
export async function describeSupportZones(
  client: UpstreamClient,
  region: string,
  signal?: AbortSignal,
): Promise<Zone[]> {
  if (!region) throw new RangeError('DescribeCompShareSupportZone needs a Region')
  const { body } = await client.call('DescribeCompShareSupportZone', { Region: region }, { signal })
  return decodeZones(body)
}

/** A readme past this many UTF-8 bytes is cut (issue 12: 251 KB of nesting froze the tab). */
export const README_MAX_BYTES = 64 * 1024

/**
 * Cuts `Readme` to README_MAX_BYTES at a character boundary and says so with
 * `readmeTruncated: true`, so the dashboard can tell the user the rest is missing.
 */
export function boundReadme(image: Image): ImageDetail {
  const readme = image.Readme
  if (typeof readme !== 'string' || readme.length <= README_MAX_BYTES / 4) return image
  const bytes = Buffer.from(readme, 'utf8')
  if (bytes.length <= README_MAX_BYTES) return image
  // A cut inside a multi-byte character decodes to U+FFFD: drop that partial character.
  const cut = bytes
    .subarray(0, README_MAX_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '')
  return { ...image, Readme: cut, readmeTruncated: true }
}

/** One image with its Readme (a CompShareImageId query; design.md §2), or null when none. */
export async function describeImage(
  client: UpstreamClient,
  scope: Scope,
  imageId: string,
  signal?: AbortSignal,
): Promise<ImageDetail | null> {
  const { images } = await describeImagesPage(
    client,
    scope,
    { offset: 0, limit: 1, imageId },
    signal,
  )
  const image = images.find((candidate) => candidate.CompShareImageId === imageId)
  return image ? boundReadme(image) : null
}
