import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { installDomShims, setLanguage } from './image-drawer-test-utils'
import { ImageReadme, ReadmeMarkdown } from './image-readme'

// Counts parses. jsdom has no Worker, so the readme is parsed on the page, one chunk per task.
const parses = vi.hoisted(() => ({ count: 0 }))
vi.mock('./readme-pipeline', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./readme-pipeline')>()
  return {
    ...actual,
    parseChunk: (...args: Parameters<typeof actual.parseChunk>) => {
      parses.count++
      return actual.parseChunk(...args)
    },
  }
})

beforeAll(async () => {
  installDomShims()
  await setLanguage('en')
})
afterEach(cleanup)

const readmeOf = (container: HTMLElement) => container.querySelector('[data-slot="readme"]')

/** Renders a readme and waits until all of it is painted (no IntersectionObserver in jsdom). */
async function renderReadme(markdown: string) {
  const result = render(<ReadmeMarkdown markdown={markdown} />)
  await waitFor(() => expect(readmeOf(result.container)?.getAttribute('aria-busy')).toBe('false'), {
    timeout: 5_000,
  })
  return result
}

const GFM = `# Title

| GPU | VRAM |
| --- | ---: |
| RTX 4090 | 24 GB |
| A100 | 80 GB |

\`\`\`bash
pip install vllm
\`\`\`

See [docs](https://example.com/docs) or <https://example.com/auto>.

- [x] done
- [ ] todo

![diagram](https://example.com/d.png)
`

const HOSTILE = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `[x](javascript:alert(1))`,
  `[y](JaVaScRiPt:alert(2))`,
  `[z](vbscript:msgbox(1))`,
  `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  `<a href="javascript:alert(3)">click</a>`,
  `<iframe src="https://evil.example"></iframe>`,
  `<div onclick="alert(4)" style="position:fixed">overlay</div>`,
  `<svg><script>alert(5)</script></svg>`,
  `[ok](https://example.com/safe)`,
].join('\n\n')

function assertInert(container: HTMLElement) {
  expect(container.querySelector('script, iframe, object, embed, style, svg, form')).toBeNull()
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(
        attribute.name.toLowerCase().startsWith('on'),
        `${element.tagName} ${attribute.name}`,
      ).toBe(false)
      expect(attribute.name.toLowerCase()).not.toBe('style')
      if (
        ['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction'].includes(
          attribute.name.toLowerCase(),
        )
      ) {
        expect(attribute.value.trim().toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/)
      }
    }
  }
}

describe('ReadmeMarkdown', () => {
  it('renders GFM: tables, code blocks, task lists, links and images', async () => {
    const { container } = await renderReadme(GFM)
    expect(container.querySelector('table')).not.toBeNull()
    expect(container.querySelectorAll('tbody tr')).toHaveLength(2)
    expect(screen.getByRole('columnheader', { name: 'GPU' })).toBeTruthy()
    const code = container.querySelector('pre > code')
    expect(code?.textContent).toContain('pip install vllm')
    expect(code?.className).toContain('language-bash')
    expect(container.querySelectorAll('input[type="checkbox"]')).toHaveLength(2)
    const img = container.querySelector('img')
    expect(img?.getAttribute('src')).toBe('https://example.com/d.png')
    expect(img?.getAttribute('loading')).toBe('lazy')
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer')
  })

  it('opens links in a new tab without an opener or referrer', async () => {
    const { container } = await renderReadme(GFM)
    const links = [...container.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/docs',
      'https://example.com/auto',
    ])
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank')
      const rel = link.getAttribute('rel')?.split(/\s+/) ?? []
      expect(rel).toContain('noopener')
      expect(rel).toContain('noreferrer')
    }
  })

  it('renders hostile input inert', async () => {
    const { container } = await renderReadme(HOSTILE)
    assertInert(container)
    // The safe link survives; the javascript: ones are not links.
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(['https://example.com/safe'])
    expect(container.querySelectorAll('img[src]')).toHaveLength(0)
    // Link text of a refused link is still readable.
    expect(container.textContent).toContain('x')
  })

  it('stays inert when the hostile lines form one raw HTML block', async () => {
    const { container } = await renderReadme(HOSTILE.replaceAll('\n\n', '\n'))
    assertInert(container)
  })

  it('points footnote links at the sanitised ids', async () => {
    const { container } = await renderReadme('Note[^1]\n\n[^1]: the note')
    const ref = container.querySelector('a[data-footnote-ref]')
    const id = ref?.getAttribute('href')?.slice(1) ?? ''
    expect(id).toMatch(/^user-content-/)
    expect(container.querySelector(`[id="${id}"]`)).not.toBeNull()
    const back =
      container.querySelector('a[data-footnote-backref]')?.getAttribute('href')?.slice(1) ?? ''
    expect(container.querySelector(`[id="${back}"]`)).not.toBeNull()
  })

  it('drops raw HTML inside otherwise normal markdown', async () => {
    const { container } = await renderReadme(
      'Hello <b onmouseover="x()">bold</b> <img src="https://e.com/a.png" onerror="y()">',
    )
    assertInert(container)
    expect(container.textContent).toContain('Hello')
  })
})

describe('ImageReadme', () => {
  it('shows a friendly empty state for an empty or absent readme', () => {
    render(<ImageReadme image={{ Readme: '   ' }} />)
    expect(screen.getByText('This image has no readme')).toBeTruthy()
    cleanup()
    render(<ImageReadme image={{}} />)
    expect(screen.getByText('This image has no readme')).toBeTruthy()
  })

  it('marks a malformed readme', () => {
    render(<ImageReadme image={{ Readme: null, malformed: { Readme: 42 } }} />)
    expect(screen.getByText('Malformed: 42')).toBeTruthy()
  })
})

describe('a hostile readme (issue 12)', () => {
  it('parses once per readme text, not on every render', async () => {
    parses.count = 0
    const { container, rerender } = await renderReadme(GFM)
    for (let i = 0; i < 5; i++) rerender(<ReadmeMarkdown markdown={GFM} />)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(parses.count).toBe(1)
    rerender(<ReadmeMarkdown markdown={`${GFM}\nmore`} />)
    await waitFor(() => expect(container.textContent).toContain('more'))
    expect(parses.count).toBe(2)
  })

  it('renders a 5,000-deep quote and 500 nested lists without overflowing the stack', async () => {
    const quote = await renderReadme('>'.repeat(5000) + ' deep')
    expect(quote.container.querySelectorAll('blockquote').length).toBeLessThanOrEqual(8)
    expect(quote.container.textContent).toContain('deep')
    cleanup()
    const lists = Array.from({ length: 500 }, (_, i) => ' '.repeat(i * 2) + `- item ${i}`)
    const { container } = await renderReadme(lists.slice(0, 120).join('\n'))
    expect(container.textContent).toContain('item 119')
    let depth = 0
    for (let el = container.querySelector('li:last-of-type'); el; el = el.parentElement) {
      if (el.tagName === 'UL') depth++
    }
    expect(depth).toBeLessThanOrEqual(16)
  })

  it('paints a long readme chunk by chunk, ending with all of it', async () => {
    const rows = Array.from({ length: 800 }, (_, i) => `| ${i} | row ${i} |`)
    const { container } = render(
      <ReadmeMarkdown markdown={['| n | name |', '|---|---|', ...rows].join('\n')} />,
    )
    await waitFor(() => expect(container.querySelectorAll('tbody tr').length).toBeGreaterThan(0), {
      timeout: 5_000,
    })
    const first = container.querySelectorAll('tbody tr').length
    expect(first).toBeLessThan(800)
    await waitFor(() => expect(container.querySelectorAll('tbody tr')).toHaveLength(800), {
      timeout: 20_000,
    })
  }, 30_000)

  it('says when the proxy cut the readme', () => {
    render(<ImageReadme image={{ Readme: '# Cut', readmeTruncated: true }} />)
    expect(screen.getByRole('note').textContent).toMatch(/longer than 64 KB/)
    cleanup()
    render(<ImageReadme image={{ Readme: '# Whole' }} />)
    expect(screen.queryByRole('note')).toBeNull()
  })
})
