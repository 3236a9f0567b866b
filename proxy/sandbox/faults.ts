import { z } from 'zod'
import { ACTIONS } from './retcodes'

export const FAULT_MODES = ['hang', 'reset', 'non-json', 'truncated', 'empty-set', 'shift'] as const
export type FaultMode = (typeof FAULT_MODES)[number]

/** Fault settings: all optional, combinable. `{}` means no faults. */
export const faultSettingsSchema = z
  .object({
    /** How long every call takes, its own processing included (docs/upstream-api.md). */
    latencyMs: z.number().int().min(0).max(600_000),
    /** Share of calls that fail transiently with RetCode 150. */
    failRate: z.number().min(0).max(1),
    /** Every call answers this RetCode, with the API's message for it (or `message`). */
    retCode: z.number().int().min(1),
    message: z.string().max(500),
    /** Every call answers this HTTP status with a small gateway page. */
    httpStatus: z.number().int().min(400).max(599),
    mode: z.enum(FAULT_MODES),
    /** Only the DescribeCompShareCustomImages page starting at this Offset is slow... */
    slowOffset: z.number().int().min(0),
    /** ...by this much (default 3000 ms). */
    slowMs: z.number().int().min(0).max(600_000),
    /** Apply only to these actions (default: all). */
    actions: z.array(z.enum(ACTIONS)).min(1),
    /** Apply to the next N matching calls, then clear. */
    times: z.number().int().min(1),
  })
  .partial()
  .strict()
export type FaultSettings = z.infer<typeof faultSettingsSchema>

export interface FaultController {
  /** The current settings; `times` counts the calls left. */
  get(): FaultSettings
  set(settings: FaultSettings): void
  clear(): void
  /** Called once per API call: the faults that apply to it (consuming `times`), or null. */
  take(action: string | undefined): FaultSettings | null
  /** The 'shift' fault's position: how many list calls it has moved the list by. */
  shiftStep(): number
  advanceShift(): number
}

/** Validates settings; keys given as undefined are dropped, so `{latencyMs: undefined}` is `{}`. */
export function parseFaultSettings(input: unknown): FaultSettings {
  const parsed = faultSettingsSchema.parse(input)
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined))
}

export function createFaultController(initial: FaultSettings = {}): FaultController {
  let settings = parseFaultSettings(initial)
  let step = 0
  return {
    get: () => ({ ...settings }),
    set(next) {
      settings = parseFaultSettings(next)
      step = 0
    },
    clear() {
      settings = {}
      step = 0
    },
    take(action) {
      if (Object.keys(settings).length === 0) return null
      const { actions, times } = settings
      if (actions && !actions.some((a) => a === action)) return null
      const applied = { ...settings }
      if (times !== undefined) {
        if (times <= 1) settings = {}
        else settings = { ...settings, times: times - 1 }
      }
      return applied
    },
    shiftStep: () => step,
    advanceShift: () => ++step,
  }
}
