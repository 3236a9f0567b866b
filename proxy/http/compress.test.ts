import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { inProcessApp } from '../test/in-process'
import { chooseEncoding } from './compress'

describe('chooseEncoding', () => {
  it('prefers brotli, honours q-values and refusals, and falls back to identity', () => {
    expect(chooseEncoding(undefined)).toBe('identity')
    expect(chooseEncoding('')).toBe('identity')
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('BR')).toBe('br')
    expect(chooseEncoding('gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0.4, gzip;q=0.8')).toBe('gzip')
    expect(chooseEncoding('br; q=0, *')).toBe('gzip')
    expect(chooseEncoding('*;q=0.1')).toBe('br')
    expect(chooseEncoding('*;q=0')).toBe('identity')
    expect(chooseEncoding('deflate, identity')).toBe('identity')
    expect(chooseEncoding('br;q=nonsense, gzip')).toBe('gzip')
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip')
    expect(chooseEncoding('br', [])).toBe('identity')
  })
})

/** The decoded body and the coding it came in. */
async function get(p: ReturnType<typeof inProcessApp>, path: string, accept?: string) {
  const res = await p.request(path, {
    headers: accept === undefined ? {} : { 'Accept-Encoding': accept },
  })
  const wire = Buffer.from(await res.arrayBuffer())
  const coding = res.headers.get('content-encoding')
  const body =
    coding === 'br' ? brotliDecompressSync(wire) : coding === 'gzip' ? gunzipSync(wire) : wire
  return { res, wire, coding, body }
}

describe('compressed API responses', () => {
  it('sends JSON and CSV brotli- or gzip-compressed by Accept-Encoding, the same bytes decoded', async () => {
    const p = inProcessApp({ IMAGEDECK_CACHE_TTL_S: '3600' }, { count: 120 })
    for (const path of [
      '/api/images?limit=50',
      '/api/images?status=Available&sort=Name&order=asc',
      '/api/failures',
      '/api/images/export?format=csv',
      '/api/images/export?format=json',
    ]) {
      const plain = await get(p, path)
      expect(plain.res.status, path).toBe(200)
      expect(plain.coding, path).toBeNull()
      expect(plain.res.headers.get('vary'), path).toMatch(/accept-encoding/i)
      expect(plain.wire.byteLength, path).toBeGreaterThan(1024)
      for (const [accept, coding] of [
        ['br, gzip, deflate', 'br'],
        ['gzip', 'gzip'],
        ['gzip;q=1, br;q=0.5', 'gzip'],
        ['deflate', null],
      ] as const) {
        const got = await get(p, path, accept)
        expect(got.res.status).toBe(200)
        expect(got.coding, `${path} ${accept}`).toBe(coding)
        expect(got.body.equals(plain.body), `${path} ${accept}`).toBe(true)
        expect(got.res.headers.get('vary')).toMatch(/accept-encoding/i)
        expect(got.res.headers.get('content-type')).toBe(plain.res.headers.get('content-type'))
        expect(got.res.headers.get('content-disposition')).toBe(
          plain.res.headers.get('content-disposition'),
        )
        if (coding) {
          expect(got.wire.byteLength).toBeLessThan(plain.wire.byteLength * 0.6)
          expect(got.res.headers.get('content-length')).toBe(String(got.wire.byteLength))
        }
      }
    }
  })

  it('compresses a large export (off the event loop) to the same bytes', async () => {
    const p = inProcessApp({ IMAGEDECK_CACHE_TTL_S: '3600' }, { count: 600 })
    const plain = await get(p, '/api/images/export?format=json')
    expect(plain.wire.byteLength).toBeGreaterThan(256 * 1024)
    for (const accept of ['br', 'gzip']) {
      const got = await get(p, '/api/images/export?format=json', accept)
      expect(got.coding).toBe(accept)
      expect(got.body.equals(plain.body)).toBe(true)
    }
  })

  it('leaves small answers and errors under the threshold as they are', async () => {
    const p = inProcessApp()
    for (const path of ['/api/health', '/api/images?status=Nonsense', '/api/nope']) {
      const got = await get(p, path, 'br, gzip')
      expect(got.coding, path).toBeNull()
      expect(got.res.headers.get('content-type'), path).toMatch(/^application\/json/)
      expect(() => JSON.parse(got.body.toString('utf8')), path).not.toThrow()
    }
  })

  it('answers HEAD uncompressed and bodiless', async () => {
    const p = inProcessApp()
    const res = await p.request('/api/images?limit=50', {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'br' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
    expect((await res.arrayBuffer()).byteLength).toBe(0)
  })
})
