import type { ImageStatus } from '../contract/api'

/** Softwares, with the types the official SDKs declare (design.md §2). */
export interface SandboxSoftwares {
  Framework: string
  FrameworkVersion: string
  CUDAVersion: string
  Applications: string[]
}

/** A generated CompShareImage: field names and types exactly as the official SDKs declare. */
export interface SandboxImage {
  CompShareImageId: string
  Name: string
  Author: string
  AuthInfo: number
  ImageOwnerAlias: string
  ImageType: string
  IsOfficial: boolean
  /** The SDKs declare a string: "True" container image, "False" VM image. */
  Container: 'True' | 'False'
  Status: ImageStatus
  /** MB. */
  Size: number
  /** 0 private, 1 public. */
  Visibility: number
  Description: string
  Tags: string[]
  /** Yuan. */
  Price: number
  Cover: string
  Readme?: string
  Softwares: SandboxSoftwares
  CreatedCount: number
  FavoritesCount: number
  FailedReason: string
  /** Unix seconds. */
  CreateTime: number
  /** Unix seconds; 0 while never published. */
  PubTime: number
  Owner: { AccountId: string; AccountName: string }
  GroupId: string
  VersionName: string
  VersionDesc: string
  SourceGpuType: string
  AutoStart: boolean
  ImageCharge: boolean
  /** Accumulated use in seconds (the doc names no unit; modelled). */
  ImageUseTime: number
}

/** How a Making image advances: it started at `startMs` and ends after `durationMs`. */
export interface MakingPlan {
  startMs: number
  durationMs: number
  outcome: 'Available' | 'UnAvailable'
  /** Set when the outcome is UnAvailable. */
  failedReason: string
}
