import type { Image, Progress, Scope, Zone } from '../contract/api'
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

/** DescribeCompShareSupportZone, optionally for one region. */
export async function describeSupportZones(
  client: UpstreamClient,
  region?: string,
  signal?: AbortSignal,
): Promise<Zone[]> {
  const { body } = await client.call(
    'DescribeCompShareSupportZone',
    region ? { Region: region } : {},
    { signal },
  )
  return decodeZones(body)
}
