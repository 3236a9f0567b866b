import { CircleCheck, CircleDashed, CircleSlash, CircleX, Eye, type LucideIcon } from 'lucide-react'
import type { ImageStatus } from '@contract/api'
import type { BadgeTone } from '@/components/ui/badge'

export interface StatusOption {
  value: ImageStatus
  /** Key in the `common` namespace. */
  labelKey: `status.${ImageStatus}`
  tone: BadgeTone
  icon: LucideIcon
  /** Still changing: the list refetches while one of these is on screen. */
  live: boolean
}

/** One table of statuses feeds the column, the filter and the drawer (style.md §7). */
export const IMAGE_STATUS_OPTIONS: readonly StatusOption[] = [
  {
    value: 'Available',
    labelKey: 'status.Available',
    tone: 'success',
    icon: CircleCheck,
    live: false,
  },
  { value: 'Making', labelKey: 'status.Making', tone: 'info', icon: CircleDashed, live: true },
  { value: 'Reviewing', labelKey: 'status.Reviewing', tone: 'warning', icon: Eye, live: true },
  {
    value: 'UnAvailable',
    labelKey: 'status.UnAvailable',
    tone: 'danger',
    icon: CircleX,
    live: false,
  },
  { value: 'Offline', labelKey: 'status.Offline', tone: 'neutral', icon: CircleSlash, live: false },
]

export function statusOption(value: unknown): StatusOption | undefined {
  return IMAGE_STATUS_OPTIONS.find((option) => option.value === value)
}
