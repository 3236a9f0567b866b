import { describe, expect, it } from 'vitest'
import { CHUNK_CHARS, MAX_NESTING, WHOLE_LIMIT, limitNesting, splitReadme } from './readme-chunks'

describe('limitNesting', () => {
  it('caps quotes and list items opened on one line', () => {
    expect(limitNesting('>'.repeat(5000) + ' deep')).toBe('>'.repeat(MAX_NESTING) + 'deep')
    expect(limitNesting('> '.repeat(50) + 'x')).toBe('> '.repeat(MAX_NESTING) + 'x')
    expect(limitNesting('- '.repeat(500) + 'x')).toBe('- '.repeat(MAX_NESTING) + 'x')
    expect(limitNesting('1. '.repeat(20) + 'x')).toBe('1. '.repeat(MAX_NESTING) + 'x')
  })

  it('caps nesting by indentation', () => {
    const deep = Array.from({ length: 500 }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n')
    for (const line of limitNesting(deep).split('\n')) {
      expect(/^ */.exec(line)![0].length).toBeLessThanOrEqual(16)
    }
  })

  it('leaves ordinary markdown and fenced code exactly as written', () => {
    const normal =
      '# Title\n\n> a quote\n\n- a\n  - b\n    - c\n\n* * *\n\n```\n' + '> '.repeat(30) + '\n```'
    expect(limitNesting(normal)).toBe(normal)
  })
})

describe('splitReadme', () => {
  it('keeps a readme of ordinary size whole', () => {
    const text = '# Hi\n\n' + 'word '.repeat(700)
    expect(text.length).toBeLessThan(WHOLE_LIMIT)
    expect(splitReadme(text)).toEqual([text])
  })

  it('cuts a long one between blocks, every chunk near the target size', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ${'text '.repeat(30)}`)
    const chunks = splitReadme(paragraphs.join('\n\n'))
    expect(chunks.length).toBeGreaterThan(10)
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(CHUNK_CHARS + 200)
    expect(chunks.join('\n\n')).toBe(paragraphs.join('\n\n'))
  })

  it('repeats a long table’s header in every piece', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `| ${i} | b${i} |`)
    const chunks = splitReadme(['| a | b |', '|---|---|', ...rows].join('\n'))
    expect(chunks.length).toBeGreaterThan(5)
    for (const chunk of chunks) expect(chunk.startsWith('| a | b |\n|---|---|\n| ')).toBe(true)
    expect(chunks.flatMap((c) => c.split('\n').slice(2))).toEqual(rows)
  })

  it('closes and reopens a long code fence in every piece', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}`)
    const chunks = splitReadme(['```bash', ...lines, '```'].join('\n'))
    expect(chunks.length).toBeGreaterThan(5)
    for (const chunk of chunks) {
      expect(chunk.startsWith('```bash\n')).toBe(true)
      expect(chunk.endsWith('\n```')).toBe(true)
    }
  })

  it('repeats link reference definitions, so a reference works in any chunk', () => {
    const body = Array.from(
      { length: 300 },
      (_, i) => `See [the docs][docs] ${i}. ${'x '.repeat(20)}`,
    )
    const chunks = splitReadme([...body, '[docs]: https://example.com/docs'].join('\n\n'))
    for (const chunk of chunks) expect(chunk).toContain('[docs]: https://example.com/docs')
  })

  it('keeps an indented continuation with the block before it', () => {
    const items = Array.from(
      { length: 200 },
      (_, i) => `- item ${i}\n\n    continued ${'y '.repeat(20)}`,
    )
    for (const chunk of splitReadme(items.join('\n\n')))
      expect(chunk.startsWith('- item')).toBe(true)
  })
})
