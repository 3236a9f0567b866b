import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from './sandbox/prng'
import { inProcessApp, type InProcess } from './test/in-process'

/**
 * Bad input from the browser: every /api parameter and the :id segment, with a fixed list of
 * nasty values and a seeded random mix. Always a 400 with design.md §4's error body naming the
 * parameter, or a valid answer; never a 500 and never a hang. In process (no port): fast.
 */

const PARAMS = [
  'region',
  'zone',
  'project',
  'q',
  'status',
  'type',
  'visibility',
  'tag',
  'gpu',
  'framework',
  'failed',
  'sort',
  'order',
  'offset',
  'limit',
  'fresh',
  'format',
] as const
const ODD_NAMES = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'Action',
  '%',
  '%zz',
  '',
  'q[]',
  'status[0]',
]

/** Values as they appear in the URL (already percent-encoded), so garbage encodings survive. */
const enc = (value: string) => encodeURIComponent(value)
const NASTY: readonly string[] = [
  '',
  enc(' '),
  enc('x'.repeat(10_000)),
  enc('😀'.repeat(40)),
  enc('😀'.repeat(200)),
  enc('\u202Egnp.exe\u202C'), // RTL override
  enc('مرحبا بالعالم'),
  enc('e\u0301\u0302\u0303\u0304\u0305'), // combining marks
  enc('Z̸̢̛͎͈a̷̡̛l̸g̵o̶'),
  enc('镜像 PyTorch 深度学习'),
  enc('\uFEFFbom'),
  '%ED%A0%80', // a lone surrogate, UTF-8-encoded: invalid UTF-8
  '%ED%B2%A9%ED%A0%80',
  '%F0%9F%98', // a truncated emoji
  '%C0%AE%C0%AE%2F', // overlong dots
  '%',
  '%zz',
  '%%',
  '%2',
  '%00',
  'a%00b',
  enc('\u0001\u0002\u001b[31m'),
  enc('line\r\nX-Injected: 1'),
  enc('\t'),
  enc('\u007f'),
  enc('\u0085\u2028\u2029'),
  '-1',
  '-0',
  '0',
  '1',
  '2',
  '1.5',
  '1e309',
  '1e3',
  '9999999999999999999',
  '4294967296',
  '1000000001',
  '0x10',
  enc(' 5 '),
  '%EF%BC%95', // fullwidth digit 5
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  'toString',
  ',,',
  ',',
  enc(' , ,'),
  'Making,,Available',
  enc('Making,'.repeat(30)),
  enc('a,'.repeat(25)),
  'a'.repeat(65),
  enc('<script>alert(1)</script>'),
  enc(`"'\`\\`),
  enc('../../etc/passwd'),
  enc('${7*7}{{7*7}}'),
  '[]',
  '{}',
  'null',
  'true',
  'asc',
  'desc',
  'Name',
  'csv',
  'json',
  'private',
  'Available',
  'Custom',
  'cn-wlcb',
  'cn-wlcb-01',
  'org-abc123',
  enc('RTX 4090'),
  'PyTorch',
]

// Generous for a loaded CI machine; a hang would still be caught.
const PER_REQUEST_MS = 5000

let p: InProcess
let ids: string[]
beforeAll(async () => {
  p = inProcessApp({ IMAGEDECK_CACHE_TTL_S: '60' }, { count: 60 })
  const list = (await (await p.request('/api/images?limit=100')).json()) as {
    items: { CompShareImageId: string }[]
  }
  ids = list.items.map((i) => i.CompShareImageId)
})
afterAll(() => {
  // Nothing took the unexpected-error path (a 500) at any point.
  expect(p.logs.join('\n')).not.toMatch(/unexpected error|"level":50/)
})

/** A JSON answer, loosely: an error body, a list, a zone list or one image. */
interface Body {
  error: { code: string; message: string; retCode?: number; requestId?: string }
  items: unknown[]
  total: number
  offset: number
  limit: number
  stale: boolean
  zones: unknown
  CompShareImageId: string
}

interface Checked {
  status: number
  body: Body
}

/** One request, with every invariant that holds whatever the input. */
async function check(path: string): Promise<Checked> {
  let timer: NodeJS.Timeout | undefined
  const res = await Promise.race([
    p.request(path),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${PER_REQUEST_MS} ms: ${path.slice(0, 200)}`)),
        PER_REQUEST_MS,
      )
    }),
  ]).finally(() => clearTimeout(timer))
  const type = res.headers.get('content-type') ?? ''
  const text = await res.text()
  const where = `${res.status} ${path.slice(0, 300)}\n${text.slice(0, 300)}`
  expect([200, 400, 404, 502], where).toContain(res.status)
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff')
  if (res.status === 200 && path.startsWith('/api/images/export')) {
    expect(type, where).toMatch(/^(text\/csv|application\/json); charset=utf-8$/)
    return { status: 200, body: {} as Body }
  }
  expect(type, where).toMatch(/^application\/json/)
  const body = JSON.parse(text) as Body
  if (res.status === 200) return { status: 200, body }
  expect(Object.keys(body), where).toEqual(['error'])
  if (res.status === 502) {
    // A well-formed region, zone or project the API does not know: its RetCode, passed on
    // (design.md §4). Never our own failure.
    // upstreamStatus: the API's own HTTP status, 200 for a RetCode answer.
    expect(body.error, where).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retCode: expect.any(Number),
      upstreamStatus: 200,
    })
    expect(Object.keys(body.error).sort(), where).toEqual([
      'code',
      'message',
      'requestId',
      'retCode',
      'upstreamStatus',
    ])
    return { status: 502, body }
  }
  expect(body.error.code, where).toBe(res.status === 400 ? 'BAD_REQUEST' : 'NOT_FOUND')
  expect(typeof body.error.message, where).toBe('string')
  expect(body.error.message.length, where).toBeGreaterThan(5)
  // A message names the problem; it never replays a 10k-character input.
  expect(body.error.message.length, where).toBeLessThan(400)
  return { status: res.status, body }
}

function expectListShape(body: Body, where: string) {
  expect(Array.isArray(body.items), where).toBe(true)
  expect(Number.isInteger(body.total), where).toBe(true)
  expect(Number.isInteger(body.offset) && body.offset >= 0, where).toBe(true)
  expect(Number.isInteger(body.limit) && body.limit >= 1 && body.limit <= 100, where).toBe(true)
  expect(body.items.length, where).toBeLessThanOrEqual(body.limit)
  expect(typeof body.stale, where).toBe('boolean')
}

describe('fuzzing /api parameters', () => {
  it.each(PARAMS)('%s: every nasty value is a 400 naming it, or a valid answer', async (name) => {
    const route = name === 'format' ? '/api/images/export' : '/api/images'
    for (const value of NASTY) {
      const path = `${route}?${name}=${value}`
      const { status, body } = await check(path)
      if (status === 400) {
        expect(body.error.message, path).toContain(`"${name}"`)
      } else if (status === 502) {
        expect(['region', 'zone', 'project'], path).toContain(name)
      } else if (route === '/api/images') {
        expect(status, path).toBe(200)
        expectListShape(body, path)
      }
    }
    // Repeated, even with the same value: a 400 naming it.
    for (const value of ['1', '', 'a']) {
      const { status, body } = await check(`${route}?${name}=${value}&${name}=${value}`)
      expect(status).toBe(400)
      expect(body.error.message).toMatch(new RegExp(`"${name}".*more than once`))
    }
  })

  it('region on /api/zones and region/zone/project on a single image behave the same way', async () => {
    for (const value of NASTY) {
      const zones = await check(`/api/zones?region=${value}`)
      if (zones.status === 400) expect(zones.body.error.message).toContain('"region"')
      else expect(Array.isArray(zones.body.zones)).toBe(true)
      for (const name of ['region', 'zone', 'project']) {
        const detail = await check(`/api/images/${ids[0]}?${name}=${value}`)
        if (detail.status === 400) expect(detail.body.error.message).toContain(`"${name}"`)
      }
    }
  })

  it('the :id segment: a 400 for anything that cannot be an id, a 404 or the image otherwise', async () => {
    const segments = [
      ...NASTY.filter(Boolean),
      '.',
      '..',
      '...',
      'a.b',
      '-',
      '_',
      'export.',
      'x'.repeat(128),
      'x'.repeat(129),
      '%2F',
      'a%2Fb',
      '%2e%2e',
      'a;b',
      'a?b=1',
    ]
    for (const segment of segments) {
      const { status, body } = await check(`/api/images/${segment}`)
      if (status === 400) expect(body.error.message).toMatch(/is not an image id/)
      if (status === 200) expect(ids).toContain(body.CompShareImageId)
    }
    const real = await check(`/api/images/${ids[1]}`)
    expect([real.status, real.body.CompShareImageId]).toEqual([200, ids[1]])
  })

  it('odd parameter names (prototype keys, encodings, Action) are ignored or refused, never a crash', async () => {
    for (const name of ODD_NAMES) {
      for (const value of ['1', '', '%zz', 'a', '__proto__']) {
        await check(`/api/images?${name}=${value}`)
        await check(`/api/images?${name}=${value}&${name}=${value}`)
        await check(`/api/images/${ids[0]}?${name}=${value}`)
        await check(`/api/zones?${name}=${value}`)
      }
    }
    // The list is still served correctly afterwards: nothing polluted a prototype.
    const { body } = await check('/api/images?limit=3')
    expectListShape(body, 'after odd names')
    expect(({} as Record<string, unknown>).status).toBeUndefined()
  })

  it('a seeded random mix of parameters and values (600 requests)', async () => {
    // The project's one seeded generator: a failure replays exactly.
    const random = mulberry32(20240601)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    const routes = ['/api/images', '/api/images/export', '/api/zones', '/api/images/:id']
    const counts: Record<number, number> = {}
    for (let i = 0; i < 600; i++) {
      const route = pick(routes)
      const path =
        route === '/api/images/:id'
          ? `/api/images/${random() < 0.5 ? pick(ids) : pick(NASTY) || 'x'}`
          : route
      const parts: string[] = []
      const n = Math.floor(random() * 5)
      for (let j = 0; j < n; j++) {
        const name = random() < 0.85 ? pick(PARAMS) : pick(ODD_NAMES)
        // Values from the nasty list, or valid ones glued to junk.
        const value =
          random() < 0.7
            ? pick(NASTY)
            : `${pick(NASTY)}${pick([',', '', '%2C', '%20'])}${pick(NASTY)}`
        parts.push(`${name}=${value}`)
      }
      const { status } = await check(parts.length ? `${path}?${parts.join('&')}` : path)
      counts[status] = (counts[status] ?? 0) + 1
    }
    // The mix reached both sides of the validation, not just the 400 path.
    expect(counts[200]).toBeGreaterThan(50)
    expect(counts[400]).toBeGreaterThan(50)
  })
})
