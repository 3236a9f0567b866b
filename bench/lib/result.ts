/** What each measurement hands the report: goal rows and free-form detail lines. */

export type Status = 'PASS' | 'FAIL' | 'SKIP' | 'INFO'

export interface GoalRow {
  /** Which issue goal it belongs to, e.g. "1 cold list". */
  area: string
  metric: string
  measured: string
  goal: string
  status: Status
  /** A FAIL here makes the bench exit non-zero (the bundle budget); timing ratios never do. */
  hard?: boolean
}

export interface Section {
  title: string
  rows: GoalRow[]
  /** Markdown lines for docs/benchmarks.md: the raw figures behind the rows, and how they were taken. */
  details: string[]
}

export const verdict = (pass: boolean): Status => (pass ? 'PASS' : 'FAIL')
