/**
 * The contract between the proxy and the SPA (design.md §4, §6).
 * Types and constant data only: the web app imports this module for types and enumerations,
 * never for behaviour.
 */

/** design.md §2 / the reference doc: CompShareImage.Status. */
export const IMAGE_STATUSES = [
  'Making',
  'Available',
  'UnAvailable',
  'Reviewing',
  'Offline',
] as const
export type ImageStatus = (typeof IMAGE_STATUSES)[number]

/** CompShareImage.ImageType. */
export const IMAGE_TYPES = ['System', 'App', 'Custom', 'Community'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]

export const VISIBILITIES = ['private', 'public'] as const
export type VisibilityFilter = (typeof VISIBILITIES)[number]

/** Fields `/api/images` can sort by (`sort=`). */
export const SORT_FIELDS = [
  'Name',
  'CompShareImageId',
  'Status',
  'ImageType',
  'Visibility',
  'Framework',
  'CUDAVersion',
  'SourceGpuType',
  'Size',
  'Price',
  'CreateTime',
  'PubTime',
  'CreatedCount',
  'FavoritesCount',
  'VersionName',
  'Author',
] as const
export type SortField = (typeof SORT_FIELDS)[number]

export const SORT_ORDERS = ['asc', 'desc'] as const
export type SortOrder = (typeof SORT_ORDERS)[number]

export const PAGE_SIZES = [10, 20, 50, 100] as const
export const MAX_LIMIT = 100

export const FACET_NAMES = ['status', 'type', 'visibility', 'tags', 'gpu', 'framework'] as const
export type FacetName = (typeof FACET_NAMES)[number]

export interface Softwares {
  Framework: string | null
  FrameworkVersion: string | null
  CUDAVersion: string | null
  Applications: string[] | null
}

export interface Owner {
  AccountId: string | null
  AccountName: string | null
}

/**
 * One CompShareImage after tolerant decoding (design.md §2): the API's own field names and types;
 * numeric strings became numbers; anything unusable became null and its raw value is kept in
 * `malformed`; unknown fields pass through unchanged.
 */
export interface Image {
  CompShareImageId: string | null
  Name: string | null
  Author: string | null
  AuthInfo: number | null
  ImageOwnerAlias: string | null
  ImageType: string | null
  IsOfficial: boolean | null
  /** The API sends the *string* "True"/"False". */
  Container: string | null
  Status: string | null
  /** MB. */
  Size: number | null
  /** 0 private, 1 public. */
  Visibility: number | null
  Description: string | null
  Tags: string[] | null
  /** Yuan. */
  Price: number | null
  Cover: string | null
  /** Only on `/api/images/:id`. */
  Readme?: string | null
  Softwares: Softwares | null
  CreatedCount: number | null
  FavoritesCount: number | null
  FailedReason: string | null
  /** Unix seconds. */
  CreateTime: number | null
  /** Unix seconds. */
  PubTime: number | null
  Owner: Owner | null
  GroupId: string | null
  VersionName: string | null
  VersionDesc: string | null
  SourceGpuType: string | null
  AutoStart: boolean | null
  ImageCharge: boolean | null
  ImageUseTime: number | null
  /** Raw values of fields that arrived with an unusable type, by field path (e.g. `Softwares.CUDAVersion`). */
  malformed?: Record<string, unknown>
  [unknownField: string]: unknown
}

export interface Progress {
  percent: number | null
  remaining: number | null
  total: number | null
}

export interface ImageDetail extends Image {
  progress?: Progress
  /** True when the proxy cut `Readme` at 64 KB (the rest is not shown). */
  readmeTruncated?: boolean
}

export type FacetCounts = Record<string, number>

export interface ImageListResponse {
  items: Image[]
  total: number
  offset: number
  limit: number
  /**
   * Of `total`, how many failed: the total of the same query with `failed=1` ("Failed only (n)"),
   * so the list needs no second request for it. An addition to design.md §4 (docs/architecture.md);
   * optional, as older proxies never send it.
   */
  failedTotal?: number
  facets: Record<FacetName, FacetCounts>
  /**
   * For each `GroupId` among `items`: how many versions that family has in the whole list, before
   * any filter (the list's "+N versions"). An addition to design.md §4: docs/architecture.md.
   */
  versions: Record<string, number>
  /** Epoch milliseconds of the upstream fetch this answer was computed from. */
  fetchedAt: number
  /** True when the last refresh failed and this is the last good list. */
  stale: boolean
  /** With `stale: true`: why the refresh failed (absent when unknown; older proxies never send it). */
  staleReason?: StaleReason
}

/**
 * Why the last refresh of a list failed: the error body that refresh would have answered with, and
 * when. An addition to design.md §4 (docs/architecture.md); optional, so older clients ignore it.
 */
export interface StaleReason {
  code: ErrorCode
  message: string
  retCode?: number
  upstreamStatus?: number
  /** Epoch milliseconds of the failed refresh. */
  failedAt: number
}

/** A remediation for a known cause of failure (proxy/failures/hint-catalog.ts). */
export interface FailureHint {
  zh: string
  en: string
  docs?: string
}

/** One failure group of `/api/failures` (design.md §4). */
export interface FailureGroup {
  /** Stable short id, usable as `reason=` on the list. */
  key: string
  /** The line that says what went wrong. */
  summary: string
  /** One full example reason (the newest). */
  reason: string
  count: number
  hint: FailureHint | null
  /** The newest CreateTime in the group (unix seconds), or null when none has one. */
  latest: number | null
  /** The group's images, newest first. */
  images: Pick<Image, 'CompShareImageId' | 'Name' | 'VersionName' | 'CreateTime'>[]
}

export interface FailureListResponse {
  /** Largest group first. */
  groups: FailureGroup[]
  /** Failed images over all groups. */
  total: number
  fetchedAt: number
  stale: boolean
  staleReason?: StaleReason
}

export interface Zone {
  region: string
  zone: string
  describe: string
}

export interface ZonesResponse {
  zones: Zone[]
}

export interface HealthResponse {
  ok: boolean
  mode: 'sandbox' | 'live'
  version: string
  /** Defaults the dashboard uses when the URL names none (design.md §3). */
  defaults: { region: string; zone: string; project: string }
}

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN_HOST',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorBody {
  error: {
    code: ErrorCode
    message: string
    retCode?: number
    requestId?: string
    /**
     * The HTTP status the CompShare API answered with, when it answered (200 for a RetCode error),
     * told apart from this response's own status. An addition to design.md §4.
     */
    upstreamStatus?: number
  }
}

/** Which list: the API's Region, Zone and ProjectId ('' = the account's default project). */
export interface Scope {
  region: string
  zone: string
  project: string
}
