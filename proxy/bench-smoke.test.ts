import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { debounceMs } from '../bench/browser'
import { coldListSection, measureColdList } from '../bench/cold-list'
import { firstLoadRow, measureFirstLoad } from '../bench/first-load'
import { removeLogs } from '../bench/lib/children'
import { machineInfo } from '../bench/lib/machine'
import { consoleTable, markdownReport } from '../bench/report'
import { listQueries } from '../bench/server'
import { inProcessApp } from './test/in-process'

// A tiny version of `npm run bench` (which is not part of `npm test`): the measurements run end to
// end and render, without judging any figure.
describe('bench smoke', () => {
  afterAll(() => removeLogs())

  it('measures a small cold list and renders the report', async () => {
    const cold = await measureColdList({ count: 500, latencyMs: 10, runs: 1, sequentialRuns: 1 })
    expect(cold.pages).toBe(5)
    expect(cold.sequential[0]!.calls).toBe(5)
    expect(cold.runs[0]!.calls).toBe(5)
    const sections = [coldListSection(cold)]
    expect(consoleTable(sections)).toContain('cold list')
    const md = await markdownReport(sections, {
      command: 'npm run bench',
      machine: machineInfo(),
      seconds: 1,
      loadStart: 0,
      loadEnd: 0,
      spinStart: 210.4,
      spinEnd: 305.6,
      notes: [],
    })
    expect(md).toContain('| cores ')
    expect(md).toMatch(/host's speed +\| 210 \/ 306 ms/)
    expect(md).toMatch(/≤ 1\.30×/)
  }, 40_000)

  it('sends the same varied, valid list queries every run', async () => {
    const queries = listQueries(200)
    expect(listQueries(200)).toEqual(queries)
    expect(new Set(queries).size).toBeGreaterThan(150)
    const p = inProcessApp({}, { count: 60 })
    for (const path of queries.slice(0, 40)) expect((await p.request(path)).status, path).toBe(200)
  })

  // Real Chromium (bench/first-load.ts): what the page fetches until its first row is in the DOM.
  it('sums the first load as served: what Chromium fetches until the first row shows', async () => {
    const root = mkdtempSync(join(tmpdir(), 'imagedeck-first-load-'))
    mkdirSync(join(root, 'assets'))
    const row = `<table><tbody><tr data-row-id="1"><td>row</td></tr></tbody></table>`
    const files: Record<string, string> = {
      'index.html':
        '<!doctype html><link rel="icon" href="data:,">' +
        '<script type="module" crossorigin src="/assets/index-a.js"></script>' +
        '<link rel="modulepreload" href="/assets/vendor-b.js"><link rel="stylesheet" href="/assets/index-c.css">',
      // The rows, then (after them) a lazy chunk: listed, but not part of the first load.
      'assets/index-a.js':
        `import{x}from"./vendor-b.js";import"./side-d.js";x();` +
        `document.body.insertAdjacentHTML("beforeend",'${row}');` +
        `setTimeout(()=>import("./lazy-e.js"),200);${'x();'.repeat(500)}`,
      'assets/vendor-b.js': `export const x=()=>1;${'//pad'.repeat(400)}`,
      'assets/side-d.js': 'console.log(1)',
      'assets/lazy-e.js': 'console.log(2)',
      'assets/index-c.css': 'body{color:red}',
    }
    for (const [path, text] of Object.entries(files)) {
      writeFileSync(join(root, path), text)
      writeFileSync(join(root, `${path}.br`), brotliCompressSync(text))
      writeFileSync(join(root, `${path}.gz`), gzipSync(text))
    }
    const p = inProcessApp({}, { staticRoot: root })
    const server = serve({ fetch: p.app.fetch, hostname: '127.0.0.1', port: 0 })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    try {
      const { port } = server.address() as { port: number }
      const got = await measureFirstLoad(`http://127.0.0.1:${port}`, ['en-US'])
      const first = got.filter((f) => !f.afterRows)
      expect(first.map((f) => f.path).sort()).toEqual(
        [
          '/',
          '/assets/index-a.js',
          '/assets/index-c.css',
          '/assets/side-d.js',
          '/assets/vendor-b.js',
        ].sort(),
      )
      expect(got.filter((f) => f.afterRows).map((f) => f.path)).toEqual(['/assets/lazy-e.js'])
      for (const f of got) {
        expect(f.encoding).toBe('br')
        expect(f.wire).toBeGreaterThan(f.body) // the headers count too
      }
      const script = got.find((f) => f.path === '/assets/index-a.js')!
      expect(script.decoded).toBe(files['assets/index-a.js']!.length)
      expect(script.body).toBeLessThan(script.decoded / 5)
      expect(firstLoadRow(got).status).toBe('PASS')
    } finally {
      server.close()
      rmSync(root, { recursive: true, force: true })
    }
  }, 60_000)

  it("reads the search box's debounce from its source", () => {
    expect(debounceMs()).toBeGreaterThan(0)
  })
})
