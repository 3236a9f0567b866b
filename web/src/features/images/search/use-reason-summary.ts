import { useQuery } from '@tanstack/react-query'
import { failuresQueryOptions } from '@/api/failures'
import type { ImagesListParams } from '@/api/images'

/**
 * The summary line of the failure group that `reason=<key>` names, for its chip; undefined while
 * unknown (the chip shows the key). It asks the triage view's own query — the same filters without
 * `reason`, so the same key and cache: a group opened from the triage view reads at once.
 */
export function useReasonSummary(params: ImagesListParams): string | undefined {
  const { reason, ...filters } = params
  const { data } = useQuery({
    ...failuresQueryOptions(filters),
    enabled: reason !== undefined,
    select: (answer) => answer.groups.find((group) => group.key === reason)?.summary || undefined,
  })
  return reason === undefined ? undefined : data
}
