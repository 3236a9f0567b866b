import type { MakingPlan, SandboxImage } from './image-types'
import { hashString } from './prng'

/**
 * GetCompShareImageCreateProgress's answer fields, typed as the official Java SDK declares them:
 * Process a Double 0–100, the durations strings of seconds.
 */
export interface CreateProgress {
  Process: number
  TotalDuration: string
  RemainingDuration: string
}

/** The image as it stands at `nowMs`: a finished build takes its planned outcome. */
export function presentImage(image: SandboxImage, plan: MakingPlan, nowMs: number): SandboxImage {
  if (nowMs < plan.startMs + plan.durationMs) return image
  return { ...image, Status: plan.outcome, FailedReason: plan.failedReason }
}

export function planProgress(plan: MakingPlan, nowMs: number): CreateProgress {
  const elapsed = Math.min(Math.max(nowMs - plan.startMs, 0), plan.durationMs)
  const remaining = plan.durationMs - elapsed
  return {
    Process: remaining === 0 ? 100 : Math.floor((elapsed / plan.durationMs) * 1000) / 10,
    TotalDuration: String(Math.round(plan.durationMs / 1000)),
    RemainingDuration: String(Math.ceil(remaining / 1000)),
  }
}

/**
 * Progress for an image with no plan (a finished one, or a fixture record): finished images
 * report 100; a fixture's Making image a steady value derived from its id.
 */
export function staticProgress(record: unknown): CreateProgress {
  const fields = (record ?? {}) as Record<string, unknown>
  const hash = hashString(String(fields.CompShareImageId))
  const total = 300 + (hash % 2700)
  if (fields.Status !== 'Making') {
    return { Process: 100, TotalDuration: String(total), RemainingDuration: '0' }
  }
  const percent = 5 + (hash % 90)
  const remaining = Math.round((total * (100 - percent)) / 100)
  return { Process: percent, TotalDuration: String(total), RemainingDuration: String(remaining) }
}
