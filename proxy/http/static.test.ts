import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inProcessApp } from '../test/in-process'
import { staticApp } from './static'

const INDEX = '<!doctype html><title>ImageDeck</title>' + '<!-- padding -->'.repeat(50)
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))})`
const STYLE = 'body{color:red}'.repeat(100)
const ICON = '<svg xmlns="http://www.w3.org/2000/svg"/>'
let root: string

/** A file and the codings the build would write beside it. */
function write(path: string, text: string, codings: ('br' | 'gz')[]) {
  writeFileSync(join(root, path), text)
  if (codings.includes('br')) writeFileSync(join(root, `${path}.br`), brotliCompressSync(text))
  if (codings.includes('gz')) writeFileSync(join(root, `${path}.gz`), gzipSync(text))
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'imagedeck-static-'))
  mkdirSync(join(root, 'assets'))
  write('index.html', INDEX, ['br', 'gz'])
  write('assets/index-abc123.js', SCRIPT, ['br', 'gz'])
  write('assets/index-def456.css', STYLE, ['gz'])
  write('favicon.svg', ICON, [])
  writeFileSync(join(tmpdir(), 'imagedeck-outside.txt'), 'secret')
})
afterAll(() => {
  rmSync(root, { recursive: true, force: true })
  rmSync(join(tmpdir(), 'imagedeck-outside.txt'), { force: true })
})

/** The body as the client sees it once decoded, and the coding it came in. */
async function fetchDecoded(path: string, acceptEncoding?: string) {
  const res = await staticApp(root).request(path, {
    headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
  })
  const wire = Buffer.from(await res.arrayBuffer())
  const coding = res.headers.get('content-encoding')
  const text = (
    coding === 'br' ? brotliDecompressSync(wire) : coding === 'gzip' ? gunzipSync(wire) : wire
  ).toString('utf8')
  return { res, wire, coding, text }
}

describe('static files', () => {
  it('sends brotli, then gzip, then the file itself, by what the client accepts', async () => {
    const cases: [string | undefined, string | null][] = [
      [undefined, null],
      ['', null],
      ['identity', null],
      ['br, gzip, deflate', 'br'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['gzip;q=1.0, br;q=0.5', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['*', 'br'],
      ['deflate', null],
    ]
    for (const [accept, coding] of cases) {
      const got = await fetchDecoded('/assets/index-abc123.js', accept)
      expect(got.res.status, String(accept)).toBe(200)
      expect(got.coding, String(accept)).toBe(coding)
      expect(got.text, String(accept)).toBe(SCRIPT)
      expect(got.res.headers.get('vary')).toMatch(/accept-encoding/i)
      expect(got.res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect(got.res.headers.get('content-length')).toBe(String(got.wire.byteLength))
      expect(got.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    }
    const br = await fetchDecoded('/assets/index-abc123.js', 'br')
    expect(br.wire.byteLength).toBeLessThan(SCRIPT.length / 10)
  })

  it('falls back to the codings a file has', async () => {
    const css = await fetchDecoded('/assets/index-def456.css', 'br, gzip')
    expect(css.coding).toBe('gzip')
    expect(css.text).toBe(STYLE)
    expect(css.res.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await fetchDecoded('/assets/index-def456.css', 'br')).coding).toBeNull()
    const icon = await fetchDecoded('/favicon.svg', 'br, gzip')
    expect(icon.coding).toBeNull()
    expect(icon.text).toBe(ICON)
    expect(icon.res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(icon.res.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(icon.res.headers.get('vary')).toMatch(/accept-encoding/i)
  })

  it('answers the page and every client-side route with index.html, never cached', async () => {
    for (const path of ['/', '/index.html', '/some/spa/route', '/?view=failures', '/x.js']) {
      for (const [accept, coding] of [
        ['br, gzip', 'br'],
        ['gzip', 'gzip'],
        [undefined, null],
      ] as const) {
        const got = await fetchDecoded(path, accept)
        expect(got.res.status, path).toBe(200)
        expect(got.coding, `${path} ${accept}`).toBe(coding)
        expect(got.text).toBe(INDEX)
        expect(got.res.headers.get('content-type')).toBe('text/html; charset=utf-8')
        expect(got.res.headers.get('cache-control')).toBe('no-cache')
        expect(got.res.headers.get('vary')).toMatch(/accept-encoding/i)
      }
    }
  })

  it('serves nothing outside the build folder and no coding file by its own name', async () => {
    for (const path of [
      '/../imagedeck-outside.txt',
      '/%2e%2e/imagedeck-outside.txt',
      '/assets/%2e%2e/%2e%2e/imagedeck-outside.txt',
      '/assets/index-abc123.js.br',
      '/index.html.gz',
      '/assets',
    ]) {
      const got = await fetchDecoded(path)
      expect(got.text, path).toBe(INDEX)
    }
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await staticApp(root).request('/assets/index-abc123.js', {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0)
    expect((await res.arrayBuffer()).byteLength).toBe(0)
  })

  it('goes through the whole app: security headers and compression together', async () => {
    const p = inProcessApp({}, { staticRoot: root })
    const res = await p.request('/assets/index-abc123.js', {
      headers: { 'Accept-Encoding': 'br, gzip' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(SCRIPT)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('says how to build when there is nothing to serve', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'imagedeck-empty-'))
    try {
      const res = await staticApp(empty).request('/')
      expect(res.status).toBe(503)
      expect(await res.text()).toMatch(/npm run build/)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})
