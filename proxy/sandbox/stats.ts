import { ACTIONS, isAction, type Action } from './retcodes'

export interface StatsSnapshot {
  /** Calls per served action. */
  calls: Record<Action, number>
  /** Every API call, including ones with a missing or unknown Action. */
  total: number
}

/** Counts API calls (control routes are not counted). */
export function createStats() {
  let total = 0
  let calls = zero()
  return {
    count(action: string | undefined): void {
      total += 1
      if (isAction(action)) calls[action] += 1
    },
    snapshot: (): StatsSnapshot => ({ calls: { ...calls }, total }),
    reset(): void {
      total = 0
      calls = zero()
    },
  }
}

export type SandboxStats = ReturnType<typeof createStats>

const zero = (): Record<Action, number> =>
  Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>
