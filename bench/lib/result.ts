/** What each measurement hands the report: guard rows and free-form detail lines. */

export type Status = 'PASS' | 'FAIL' | 'INFO'

export interface GoalRow {
  /** The guard's area, e.g. "10k cold list". */
  area: string
  metric: string
  measured: string
  /** The guard, or `report` for a figure shown for context. */
  goal: string
  /** Any FAIL makes `npm run bench` exit non-zero. */
  status: Status
}

export interface Section {
  title: string
  rows: GoalRow[]
  /** Markdown lines for docs/benchmarks.md: the raw figures behind the rows, and how they were taken. */
  details: string[]
}

export const verdict = (pass: boolean): Status => (pass ? 'PASS' : 'FAIL')

/** A row for a measurement that could not run: it fails the bench like a missed guard. */
export function errorRow(area: string, what: string, error: unknown): GoalRow {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
  return {
    area,
    metric: what,
    measured: `error: ${message.slice(0, 200)}`,
    goal: 'runs',
    status: 'FAIL',
  }
}
