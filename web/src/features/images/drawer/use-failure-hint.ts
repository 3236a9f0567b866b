import type { Image, Scope } from '@contract/api'
import type { FailureHint } from './image-failure'

/** The remediation hint for a failed image, from `/api/failures` (design.md §4). */
export function useFailureHint(_image: Image | undefined, _scope: Scope): FailureHint | null {
  return null
}
