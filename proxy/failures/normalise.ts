/**
 * A FailedReason reduced to what went wrong (design.md §4 `/api/failures`): the parts that vary
 * between builds failing for the same cause — numbers, sizes, hashes, ids, paths, times, stack
 * frames — become placeholders, so that those reasons normalise to the same text.
 */

// One rule per kind of varying part, applied in order: a later rule never sees what an earlier
// one replaced (a digest is not also a number).
const RULES: readonly (readonly [RegExp, string])[] = [
  // eslint-disable-next-line no-control-regex -- ANSI colour codes from a build log
  [/\u001b\[[0-9;]*[A-Za-z]/g, ''],
  [/\bhttps?:\/\/([^/\s"'<>]+)[^\s"'<>]*/gi, '<url $1>'],
  [
    /\b\d{4}[-/]\d{2}[-/]\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g,
    '<time>',
  ],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/\b(?:sha256|sha1|md5):[0-9a-f]{6,}(?:…|\.\.\.)?/gi, '<digest>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  // Paths: Windows, then POSIX with at least two segments.
  [/\b[A-Z]:\\[^\s"'<>:]+/g, '<path>'],
  [/(^|[\s"'(=[,:：])(?:~|\.{1,2})?(?:\/[^\s/"'<>:),]+){2,}\/?/g, '$1<path>'],
  // Hex runs that are hashes (a digit and a letter, 7 or more) and not words.
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi, '<hex>'],
  // Resource ids: a lowercase or camelCase prefix, a dash, and a token with a digit in it.
  [/\b[A-Za-z]+-(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,}\b/g, '<id>'],
  [/\b\d+(?:\.\d+)?\s?(?:[KMGTP]i?B|[KMGTP]|bytes?|字节)(?![A-Za-z])/gi, '<size>'],
  [/\d+(?:\.\d+)*/g, '<n>'],
]

/** Stack frames: Python's `File "…", line 3, in f`, JS/Java's `at …`, Go's `file.go:12`, gdb's `#3 …`. */
const FRAME =
  /^(?:\s*File ".*", line \d+.*|\s+at \S.*|\s*\S+\.go:\d+.*|\s*#\d+ .*|\s*\.\.\. \d+ more|\s*\[Previous line repeated .*\])$/
const INDENTED = /^\s+\S/

/** Lines of a reason, trimmed at the end, blank lines out, `\r\n` and `\r` read as new lines. */
export function reasonLines(reason: string): string[] {
  return reason
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
}

/** One line with its varying parts replaced; width- and case-folded, spaces collapsed. */
export function normaliseLine(line: string): string {
  let out = line.normalize('NFKC')
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement)
  // Spacing is not meaning: "失败： 请重试" and "失败:请重试" are one text once NFKC unified the colon.
  return out
    .replace(/\s*([:;,])\s*/g, '$1 ')
    .replace(/\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/**
 * The whole reason normalised: stack frames (and the source line under a Python frame) are
 * dropped, and runs of the same line (a Docker push's per-layer progress) are kept once.
 */
export function normaliseReason(reason: string): string {
  const out: string[] = []
  let inFrame = false
  for (const raw of reasonLines(reason)) {
    if (FRAME.test(raw)) {
      inFrame = true
      continue
    }
    // The source line (and Python 3.11's ^^^ markers) under a frame are indented further.
    if (inFrame && INDENTED.test(raw)) continue
    inFrame = false
    const line = normaliseLine(raw)
    if (line !== '' && out.at(-1) !== line) out.push(line)
  }
  return out.join('\n')
}
