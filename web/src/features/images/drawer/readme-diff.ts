import { diffLines } from 'diff'

/** One row of a unified line diff; `skip` stands for a run of unchanged lines folded away. */
export type DiffRow =
  | { kind: 'same' | 'added' | 'removed'; text: string; oldLine?: number; newLine?: number }
  | { kind: 'skip'; count: number }

function splitLines(value: string): string[] {
  const lines = value.replace(/\r\n?/g, '\n').split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/**
 * `before` → `after` as unified diff rows (jsdiff's line diff), with unchanged runs longer than
 * twice `context` folded to a `skip` row between `context` lines on either side.
 */
export function readmeDiff(before: string, after: string, context = 3): DiffRow[] {
  const rows: DiffRow[] = []
  let oldLine = 1
  let newLine = 1
  // The same last line with and without a final newline is not a change.
  const normal = (text: string) => {
    const unix = text.replace(/\r\n?/g, '\n')
    return unix === '' || unix.endsWith('\n') ? unix : `${unix}\n`
  }
  for (const part of diffLines(normal(before), normal(after))) {
    for (const text of splitLines(part.value)) {
      if (part.added) rows.push({ kind: 'added', text, newLine: newLine++ })
      else if (part.removed) rows.push({ kind: 'removed', text, oldLine: oldLine++ })
      else rows.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ })
    }
  }
  return fold(rows, context)
}

function fold(rows: DiffRow[], context: number): DiffRow[] {
  if (!Number.isFinite(context)) return rows
  const out: DiffRow[] = []
  let i = 0
  while (i < rows.length) {
    if (rows[i]!.kind !== 'same') {
      out.push(rows[i++]!)
      continue
    }
    let end = i
    while (end < rows.length && rows[end]!.kind === 'same') end++
    // Context after the previous change and before the next one; the run's edges need none.
    const head = i === 0 ? 0 : context
    const tail = end === rows.length ? 0 : context
    if (end - i > head + tail + 1) {
      out.push(...rows.slice(i, i + head))
      out.push({ kind: 'skip', count: end - i - head - tail })
      out.push(...rows.slice(end - tail, end))
    } else {
      out.push(...rows.slice(i, end))
    }
    i = end
  }
  return out
}

/** Lines added and removed, for the summary above the diff. */
export function diffStats(rows: readonly DiffRow[]): { added: number; removed: number } {
  let added = 0
  let removed = 0
  for (const row of rows) {
    if (row.kind === 'added') added++
    else if (row.kind === 'removed') removed++
  }
  return { added, removed }
}
