/**
 * Bounds for a hostile readme (issue 12: 500 nested lists never rendered, a 2,000-row table took
 * 22 s, a 5,000-deep quote overflowed the stack). Depth is capped before parsing, and a long
 * readme is cut into chunks that the readme worker parses one at a time and the drawer paints one
 * per task, so no single task holds the page (e2e/readme-timing.spec.ts: none over 200 ms).
 */

/** Containers (quotes, list items) opened on one line beyond this are dropped. */
export const MAX_NESTING = 8
/** Leading indentation beyond this many columns is cut to it (nesting by indentation). */
const MAX_INDENT = 16
/**
 * Readmes up to this size are parsed whole (nearly all of them); past it, a list's parse grows
 * faster than its length, so the first chunk would keep the reader waiting.
 */
export const WHOLE_LIMIT = 4_000
/** Target chunk size: a few milliseconds of parsing and painting each. */
export const CHUNK_CHARS = 1_500

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const CONTAINER = /^ {0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])[ \t]+)/
const TABLE_DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/
const LINK_DEFINITION = /^ {0,3}\[[^\]^][^\]]*\]:\s*\S/

function columns(whitespace: string): number {
  let col = 0
  for (const ch of whitespace) col = ch === '\t' ? col + 4 - (col % 4) : col + 1
  return col
}

/** One line with its indentation and same-line containers capped. */
function boundLine(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0]
  let rest = line.slice(indent.length)
  const width = columns(indent)
  let out = width > MAX_INDENT ? ' '.repeat(MAX_INDENT) : indent
  let depth = 0
  for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
    if (++depth <= MAX_NESTING) out += match[0]
    rest = rest.slice(match[0].length)
  }
  return out + rest
}

/** Caps nesting line by line; fenced code is left exactly as written. */
export function limitNesting(markdown: string): string {
  let fence = ''
  return markdown
    .split('\n')
    .map((line) => {
      const open = FENCE.exec(line)?.[1]
      if (fence) {
        if (open && open[0] === fence[0] && open.length >= fence.length) fence = ''
        return line
      }
      if (open) {
        fence = open
        return line
      }
      return boundLine(line)
    })
    .join('\n')
}

/** Blocks separated by blank lines outside fences; an indented block stays with the one before. */
function blocks(markdown: string): string[][] {
  const out: string[][] = []
  let current: string[] = []
  let fence = ''
  for (const line of markdown.split('\n')) {
    const open = FENCE.exec(line)?.[1]
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length) fence = ''
    } else if (open) {
      fence = open
    } else if (line.trim() === '') {
      if (current.length) out.push(current)
      current = []
      continue
    }
    if (current.length === 0 && /^[ \t]/.test(line) && out.length) current = out.pop()!.concat('')
    current.push(line)
  }
  if (current.length) out.push(current)
  return out
}

/** A block too large for one chunk, in pieces that still render alike. */
function splitBlock(lines: string[]): string[] {
  const pieces: string[] = []
  const fence = FENCE.exec(lines[0] ?? '')?.[1]
  const table = lines.length > 2 && lines[0]!.includes('|') && TABLE_DELIMITER.test(lines[1]!)
  // A table repeats its header; a code block its fences; anything else breaks between lines.
  const head = table ? lines.slice(0, 2) : fence ? [lines[0]!] : []
  const tail = fence && FENCE.test(lines.at(-1)!) && lines.length > 1 ? [lines.at(-1)!] : []
  const body = lines.slice(head.length, lines.length - tail.length)
  const close = fence ? [fence] : []
  let piece: string[] = []
  let size = 0
  for (const line of body) {
    // Prefer a break before a line that starts something (an indented one may continue an item).
    const full =
      size + line.length > (columns(/^[ \t]*/.exec(line)![0]) < 4 || fence ? 1 : 1.5) * CHUNK_CHARS
    if (piece.length && full) {
      pieces.push([...head, ...piece, ...close].join('\n'))
      piece = []
      size = 0
    }
    piece.push(line)
    size += line.length + 1
  }
  if (piece.length) pieces.push([...head, ...piece, ...(tail.length ? tail : close)].join('\n'))
  return pieces
}

/**
 * The readme in chunks of about CHUNK_CHARS, cut between blocks. Link reference definitions are
 * repeated in every chunk (they print nothing), so `[text][ref]` works wherever `ref` is defined.
 */
export function splitReadme(markdown: string): string[] {
  if (markdown.length <= WHOLE_LIMIT) return [markdown]
  const definitions = markdown.split('\n').filter((line) => LINK_DEFINITION.test(line))
  const shared = definitions.join('\n').length <= CHUNK_CHARS ? definitions : []
  const suffix = shared.length ? `\n\n${shared.join('\n')}` : ''
  const chunks: string[] = []
  let current: string[] = []
  let size = 0
  const flush = () => {
    if (current.length) chunks.push(current.join('\n\n') + suffix)
    current = []
    size = 0
  }
  for (const block of blocks(markdown)) {
    const text = block.join('\n')
    if (text.length > CHUNK_CHARS) {
      flush()
      for (const piece of splitBlock(block)) chunks.push(piece + suffix)
      continue
    }
    if (size + text.length > CHUNK_CHARS) flush()
    current.push(text)
    size += text.length + 2
  }
  flush()
  return chunks
}
