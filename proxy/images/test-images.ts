import type { Image } from '../contract'

/** A fully-null image with the given fields set: the shape the tolerant decoder produces. */
export function makeImage(fields: Partial<Image> = {}): Image {
  return {
    CompShareImageId: null,
    Name: null,
    Author: null,
    AuthInfo: null,
    ImageOwnerAlias: null,
    ImageType: null,
    IsOfficial: null,
    Container: null,
    Status: null,
    Size: null,
    Visibility: null,
    Description: null,
    Tags: null,
    Price: null,
    Cover: null,
    Softwares: null,
    CreatedCount: null,
    FavoritesCount: null,
    FailedReason: null,
    CreateTime: null,
    PubTime: null,
    Owner: null,
    GroupId: null,
    VersionName: null,
    VersionDesc: null,
    SourceGpuType: null,
    AutoStart: null,
    ImageCharge: null,
    ImageUseTime: null,
    ...fields,
  }
}

/** `count` images with ids `img-0`, `img-1`, … */
export function numberedImages(count: number, prefix = 'img'): Image[] {
  return Array.from({ length: count }, (_, i) =>
    makeImage({ CompShareImageId: `${prefix}-${i}`, Name: `Image ${i}` }),
  )
}

/** A small deterministic PRNG (mulberry32), so randomized tests reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
