/**
 * The line of a FailedReason that says what went wrong, computed in the browser because the detail
 * route does not carry `/api/failures`' `summary` (design.md §4): for a traceback its final
 * exception line, otherwise the last line that is not a stack frame, a separator or an exit code.
 */

/** Stack frames: Python's `File "…", line 3`, JS/Java's `at …`, Go's `file.go:12`, gdb's `#3 …`. */
const FRAME =
  /^(?:File ".*", line \d+.*|at \S.*|\S+\.go:\d+.*|#\d+ .*|\.\.\. \d+ more|\[Previous line repeated .*\]|goroutine \d+ \[.*\]:)$/
/** Lines that close a log without saying anything: rules, brackets, exit codes. */
const NOISE =
  /^(?:[-=_*#~.>|}\])]+|(?:error: )?exit (?:status|code):? ?-?\d+|make: \*\*\* .*Error \d+)$/i
const TRACEBACK = /^Traceback \(most recent call last\):$/

function lines(reason: string): string[] {
  return reason
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
}

export function failureSummary(reason: string): string {
  const all = lines(reason)
  if (all.length === 0) return ''
  const meaningful = (line: string) => {
    const text = line.trim()
    return !FRAME.test(text) && !NOISE.test(text) && !TRACEBACK.test(text)
  }
  if (all.some((line) => TRACEBACK.test(line.trim()))) {
    // The exception line is the first unindented line after the last frame (the source line and
    // Python 3.11's ^^^ markers under a frame are indented; hints may follow the exception).
    const lastFrame = all.findLastIndex((line) => FRAME.test(line.trim()))
    const exception = all
      .slice(lastFrame + 1)
      .find((line) => line === line.trim() && meaningful(line))
    if (exception) return exception
  }
  const last = all.findLast(meaningful) ?? all.at(-1)!
  return last.trim()
}

/** True when the reason says more than its summary, so the full text is worth a block of its own. */
export function hasMoreThanSummary(reason: string): boolean {
  return lines(reason).length > 1
}
