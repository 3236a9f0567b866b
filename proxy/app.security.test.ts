import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { serve } from '@hono/node-server'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app'
import { loadConfig } from './config'
import { requireAuth } from './http/security'
import { createLogger, silentLogger } from './log'
import { inProcessApp } from './test/in-process'
import { startStack, type Stack } from './test/stack'
import { createUpstreamClient, UpstreamError, type UpstreamClient } from './upstream/client'

/** The hardening issue, proxy level: secrets, not a signing oracle, access control. */

let staticRoot: string
beforeAll(() => {
  staticRoot = mkdtempSync(join(tmpdir(), 'imagedeck-static-'))
  mkdirSync(join(staticRoot, 'assets'))
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>ImageDeck</title>')
  writeFileSync(join(staticRoot, 'assets', 'index-abc123.js'), 'console.log(1)')
})
afterAll(() => rmSync(staticRoot, { recursive: true, force: true }))

let stack: Stack | undefined
afterEach(async () => {
  await stack?.close()
  stack = undefined
})

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  // Obsolete headers that only cost bytes (proxy/http/security.ts).
  for (const obsolete of [
    'x-xss-protection',
    'x-download-options',
    'x-permitted-cross-domain-policies',
  ])
    expect(res.headers.get(obsolete), obsolete).toBeNull()
}

async function expectErrorBody(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await res.json()) as { error: { code: string; message: string } }
  expect(body.error.code).toBe(code)
  expect(body.error.message).toEqual(expect.any(String))
  expect(body.error.message.length).toBeGreaterThan(0)
  return body
}

describe('secrets', () => {
  it('keeps the keys out of responses and (unscrubbed) logs when the API echoes them back', async () => {
    stack = await startStack(
      { IMAGEDECK_CACHE_TTL_S: '0', UCLOUD_MAX_RETRIES: '1' },
      { upstreamDeps: { random: () => 0 } },
    )
    const s = stack
    const { privateKey, publicKey } = s.sandbox.keys
    const echo = `Signature VerifyAC Error: ${privateKey} / ${publicKey}`
    const routes = [
      '/api/images?fresh=1',
      '/api/zones?region=cn-bj2',
      '/api/images/compshareImage-x',
      '/api/images/export?format=csv',
    ]
    for (const retCode of [171, 150]) {
      s.sandbox.faults.set({ retCode, message: echo })
      for (const route of routes) {
        const res = await s.get(route)
        expect(res.status).toBe(502)
        expect(res.body.error).toMatchObject({ code: 'UPSTREAM_ERROR', retCode })
        // The user still learns what happened, minus the secret.
        expect(res.body.error.message).toBe('Signature VerifyAC Error: [REDACTED] / [REDACTED]')
      }
    }
    expect(s.logs.join('\n')).toContain('[REDACTED]')
    for (const text of [...s.bodies, ...s.logs]) {
      expect(text).not.toContain(privateKey)
      expect(text).not.toContain(publicKey)
    }
  })

  it('scrubs the configured private key and auth password from any error message it returns', async () => {
    const privateKey = 'configured-private-key-0123456789abcdef'
    const password = 'hunter2-but-longer'
    const config = loadConfig({
      UCLOUD_PUBLIC_KEY: 'pub-key-for-test',
      UCLOUD_PRIVATE_KEY: privateKey,
      IMAGEDECK_AUTH: `admin:${password}`,
    })
    // An upstream that leaks both in its message: the app's own defence, not the client's.
    const upstream: UpstreamClient = {
      call: async (action) => {
        throw new UpstreamError({
          kind: 'retcode',
          action,
          retCode: 171,
          message: `bad ${privateKey} ${password}`,
        })
      },
    }
    const { app } = createApp({ config, upstream, log: silentLogger(), version: 't' })
    const res = await app.request('/api/zones', {
      headers: { host: 'localhost', authorization: basic('admin', password) },
    })
    const text = await res.text()
    expect(res.status).toBe(502)
    expect(text).not.toContain(privateKey)
    expect(text).not.toContain(password)
    expect(JSON.parse(text).error.message).toBe('bad [REDACTED] [REDACTED]')
  })

  it('never logs the Basic auth password or header, right or wrong', async () => {
    stack = await startStack({ IMAGEDECK_AUTH: 'admin:s3cret-passw0rd' })
    await stack.get('/api/health', {
      headers: { authorization: basic('admin', 's3cret-passw0rd') },
    })
    await stack.get('/api/health', {
      headers: { authorization: basic('admin', 'wrong-passw0rd-x') },
    })
    await stack.get('/api/images', {
      headers: { authorization: basic('admin', 's3cret-passw0rd') },
    })
    const logs = stack.logs.join('\n')
    expect(stack.logs.length).toBeGreaterThan(2)
    expect(logs).not.toMatch(/s3cret-passw0rd|wrong-passw0rd-x|Basic [A-Za-z0-9+/=]{8,}/)
  })
})

describe('not a signing oracle', () => {
  const EVIL =
    'Action=TerminateCompShareCustomImage&ImageId=x&Signature=y&PublicKey=z&Region=evil-region' +
    '&Zone=evil-zone&ProjectId=evil-project&Offset=7&Limit=1&CompShareImageId=evil-id&Password=p'
  const EVIL_VALUES = [
    'TerminateCompShareCustomImage',
    'x',
    'y',
    'z',
    'evil-region',
    'evil-zone',
    'evil-project',
    'evil-id',
    'p',
  ]
  // The parameter names each allowed action may carry (actions.ts; the reference doc).
  const SCOPE = ['Region', 'Zone', 'ProjectId']
  const ALLOWED: Record<string, string[]> = {
    DescribeCompShareCustomImages: [...SCOPE, 'Offset', 'Limit', 'CompShareImageId'],
    GetCompShareImageCreateProgress: [...SCOPE, 'CompShareImageId'],
    DescribeCompShareSupportZone: ['Region'],
  }

  it('forwards only the typed actions and parameters, whatever the browser adds', async () => {
    stack = await startStack({ IMAGEDECK_CACHE_TTL_S: '0' })
    const s = stack
    const making = (await s.get('/api/images?status=Making&limit=1')).body.items[0]
      .CompShareImageId as string
    const other = (await s.get('/api/images?status=Available&limit=1')).body.items[0]
      .CompShareImageId as string
    s.upstreamCalls.length = 0

    const routes: [string, string[]][] = [
      ['/api/health', []],
      ['/api/zones', ['DescribeCompShareSupportZone']],
      // The configured default region, just fetched for the bare URL: served from the cache.
      ['/api/zones?region=cn-wlcb', []],
      ['/api/images?fresh=1', ['DescribeCompShareCustomImages']],
      ['/api/images/export?format=json&fresh=1', ['DescribeCompShareCustomImages']],
      [`/api/images/${other}`, ['DescribeCompShareCustomImages']],
      [
        `/api/images/${making}`,
        ['DescribeCompShareCustomImages', 'GetCompShareImageCreateProgress'],
      ],
      ['/api/images/TerminateCompShareCustomImage', ['DescribeCompShareCustomImages']],
    ]
    for (const [route, actions] of routes) {
      const before = s.upstreamCalls.length
      const res = await s.get(`${route}${route.includes('?') ? '&' : '?'}${EVIL}`, {
        headers: {
          cookie: 'session=browser-cookie',
          authorization: 'Bearer browser-token',
          'x-forwarded-for': '203.0.113.9',
          'x-ucloud-request-uuid': 'browser-chosen',
        },
      })
      expect(res.status, route).toBeLessThan(500)
      const calls = s.upstreamCalls.slice(before)
      expect([...new Set(calls.map((c) => c.params.Action))].sort(), route).toEqual(
        [...actions].sort(),
      )
      for (const call of calls) {
        expect(call.url).toBe(s.sandbox.url)
        expect(call.method).toBe('POST')
        expect(Object.keys(call.headers).sort()).toEqual(['content-type', 'user-agent'])
        const { Action, PublicKey, Signature, ...rest } = call.params
        expect(ALLOWED[Action!], `${route} sent ${Action}`).toBeDefined()
        for (const name of Object.keys(rest))
          expect(ALLOWED[Action!], `${route}: ${name}`).toContain(name)
        expect(PublicKey).toBe(s.sandbox.keys.publicKey)
        expect(Signature).toMatch(/^[0-9a-f]{40}$/)
        // Query values never travel; a path id does, but only as CompShareImageId.
        const { CompShareImageId, ...others } = rest
        for (const value of Object.values(others)) expect(EVIL_VALUES).not.toContain(value)
        if (CompShareImageId !== undefined)
          expect(route).toContain(`/api/images/${CompShareImageId}`)
        // design.md §4: Region is required, so every action carries one.
        expect(rest.Region, route).toBe('cn-wlcb')
      }
    }
    // Every call the sandbox answered was one of the three, correctly signed by us.
    const stats = s.sandbox.stats.snapshot()
    const served = Object.values(stats.calls).reduce((a, b) => a + b, 0)
    expect(served).toBe(stats.total)
  })

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])(
    'answers %s on /api with 405 and Allow, sending nothing upstream',
    async (method) => {
      const p = inProcessApp()
      for (const path of [
        '/api/images',
        '/api/images/export',
        '/api/images/x',
        '/api/zones',
        '/api/health',
        '/api/sign',
        `/api/images?${EVIL}`,
      ]) {
        const res = await p.request(path, { method, body: method === 'POST' ? EVIL : undefined })
        await expectErrorBody(res, 405, 'METHOD_NOT_ALLOWED')
        expect(res.headers.get('allow')).toBe('GET, HEAD')
        expectSecurityHeaders(res)
      }
      expect(p.upstreamParams).toEqual([])
    },
  )

  it('answers other methods and unknown paths outside the typed routes sanely, sending nothing upstream', async () => {
    const p = inProcessApp({}, { staticRoot })
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of ['/', '/index.html', '/assets/index-abc123.js', '/anything']) {
        const res = await p.request(path, { method, body: method === 'DELETE' ? undefined : EVIL })
        await expectErrorBody(res, 404, 'NOT_FOUND')
        expectSecurityHeaders(res)
      }
    }
    for (const path of ['/api', '/api/', '/api/sign', '/api/images/a/b', `/api/call?${EVIL}`]) {
      await expectErrorBody(await p.request(path), 404, 'NOT_FOUND')
    }
    expect(p.upstreamParams).toEqual([])
  })
})

describe('security headers by fetch destination', () => {
  const DOCUMENT_ONLY = [
    'x-frame-options',
    'cross-origin-opener-policy',
    'permissions-policy',
    'origin-agent-cluster',
  ]

  it('sends pages their CSP and page-only headers, and scripts, stylesheets and images the strictest CSP alone', async () => {
    const p = inProcessApp({}, { staticRoot })
    for (const dest of ['script', 'style', 'image', 'empty']) {
      const res = await p.request('/assets/index-abc123.js', {
        headers: { 'Sec-Fetch-Dest': dest },
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('x-content-type-options'), dest).toBe('nosniff')
      expect(res.headers.get('cross-origin-resource-policy'), dest).toBe('same-origin')
      expect(res.headers.get('referrer-policy'), dest).toBe('no-referrer')
      expect(res.headers.get('content-security-policy'), dest).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      )
      for (const name of DOCUMENT_ONLY) expect(res.headers.get(name), `${dest}: ${name}`).toBeNull()
    }
    // A page, a worker, an iframe, or a client that does not say.
    for (const headers of [
      { 'Sec-Fetch-Dest': 'document' },
      { 'Sec-Fetch-Dest': 'worker' },
      { 'Sec-Fetch-Dest': 'iframe' },
      {} as Record<string, string>,
    ]) {
      for (const path of ['/', '/assets/index-abc123.js', '/api/health']) {
        const res = await p.request(path, { headers })
        expectSecurityHeaders(res)
        for (const name of DOCUMENT_ONLY) expect(res.headers.get(name), name).not.toBeNull()
      }
    }
  })
})

describe('access', () => {
  const AUTH = { IMAGEDECK_AUTH: 'admin:pa:ss w0rd' } // the password itself holds a colon
  const PATHS = [
    '/api/health',
    '/api/images',
    '/api/nope',
    '/',
    '/index.html',
    '/assets/index-abc123.js',
    '/assets/missing.js',
    '/some/spa/route',
  ]

  it('asks for Basic auth on everything, API, page and assets alike', async () => {
    const p = inProcessApp(AUTH, { staticRoot })
    const wrong = [
      undefined,
      basic('admin', 'wrong'),
      basic('admin', 'pa:ss w0rd '),
      basic('Admin', 'pa:ss w0rd'),
      basic('', ''),
      'Basic !!!not-base64',
      'Bearer pa:ss w0rd',
    ]
    let client = 0
    for (const path of PATHS) {
      for (const authorization of wrong) {
        // One client each: ten failures from one client are throttled (tested below).
        const from = { incoming: { socket: { remoteAddress: `10.0.0.${++client}` } } }
        const res = await p.request(path, { headers: authorization ? { authorization } : {} }, from)
        expect(res.headers.get('www-authenticate'), `${path} ${authorization}`).toBe(
          'Basic realm="ImageDeck"',
        )
        await expectErrorBody(res, 401, 'UNAUTHORIZED')
        expectSecurityHeaders(res)
      }
    }
    expect(p.upstreamParams).toEqual([])
  })

  it('lets the right credentials through to every path', async () => {
    const p = inProcessApp(AUTH, { staticRoot })
    const expected: Record<string, number> = { '/api/nope': 404, '/assets/missing.js': 200 }
    for (const path of PATHS) {
      const res = await p.request(path, {
        headers: { authorization: basic('admin', 'pa:ss w0rd') },
      })
      expect(res.status, path).toBe(expected[path] ?? 200)
      expect(res.headers.get('www-authenticate')).toBeNull()
      expectSecurityHeaders(res)
    }
    const asset = await p.request('/assets/index-abc123.js', {
      headers: { authorization: basic('admin', 'pa:ss w0rd') },
    })
    expect(await asset.text()).toBe('console.log(1)')
    expect(asset.headers.get('cache-control')).toMatch(/immutable/)
  })

  it("compares credentials with Hono's basicAuth (constant-time comparison of hashes)", () => {
    // hono/basic-auth compares through utils/buffer's timingSafeEqual; a hand-rolled `===` would
    // not be this middleware. Proven by reading node_modules/hono/dist/middleware/basic-auth.
    expect(requireAuth({ user: 'a', password: 'b' }).name).toBe('basicAuth')
  })

  it('serves only allowed Host names (DNS-rebinding defence), before auth, on every path', async () => {
    const p = inProcessApp({}, { staticRoot })
    const allowed = ['localhost', 'LOCALHOST', 'localhost:8080', '127.0.0.1', '127.0.0.1:9999']
    const forbidden = [
      'evil.example',
      'evil.example:8080',
      '127.0.0.1.evil.example',
      'localhost.evil.example',
      'localhost.',
      'evil.example:127.0.0.1',
      'localhost@evil.example',
      'localhost, evil.example',
      '[::1]:8080',
      '0.0.0.0',
    ]
    for (const path of ['/api/health', '/', '/assets/index-abc123.js']) {
      for (const host of allowed)
        expect((await p.request(path, { headers: { host } })).status, host).toBe(200)
      for (const host of forbidden) {
        const res = await p.request(path, { headers: { host } })
        await expectErrorBody(res, 403, 'FORBIDDEN_HOST')
        expectSecurityHeaders(res)
      }
      // No Host header at all (app.request sends none unless asked).
      await expectErrorBody(await p.app.request(path), 403, 'FORBIDDEN_HOST')
    }
    // With IMAGEDECK_AUTH too: a forbidden host gets 403, not a password prompt.
    const authed = inProcessApp(AUTH)
    const res = await authed.request('/api/health', { headers: { host: 'evil.example' } })
    expect(res.headers.get('www-authenticate')).toBeNull()
    await expectErrorBody(res, 403, 'FORBIDDEN_HOST')
  })

  it('uses IMAGEDECK_ALLOWED_HOSTS in place of the defaults', async () => {
    const p = inProcessApp({ IMAGEDECK_ALLOWED_HOSTS: 'deck.example.com, [::1]' })
    expect(
      (await p.request('/api/health', { headers: { host: 'deck.example.com:443' } })).status,
    ).toBe(200)
    expect((await p.request('/api/health', { headers: { host: '[::1]:8080' } })).status).toBe(200)
    await expectErrorBody(
      await p.request('/api/health', { headers: { host: 'localhost' } }),
      403,
      'FORBIDDEN_HOST',
    )
  })

  it('limits each client on /api with 429 and Retry-After, fresh=1 tighter, refilling with time', async () => {
    let t = 1_000_000
    const p = inProcessApp({ IMAGEDECK_RATE_LIMIT: '120' }, { now: () => t, staticRoot })
    const alice = { incoming: { socket: { remoteAddress: '10.0.0.1' } } }
    const bob = { incoming: { socket: { remoteAddress: '10.0.0.2' } } }
    // 120/min → fresh=1 gets 2/min.
    expect((await p.request('/api/images?fresh=1', {}, alice)).status).toBe(200)
    expect((await p.request('/api/images?fresh=1', {}, alice)).status).toBe(200)
    const fresh = await p.request('/api/images?fresh=1', {}, alice)
    await expectErrorBody(fresh, 429, 'RATE_LIMITED')
    expect(Number(fresh.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(fresh.headers.get('retry-after'))).toBeLessThanOrEqual(30)
    // Plain requests still pass; another client is not affected.
    expect((await p.request('/api/images', {}, alice)).status).toBe(200)
    expect((await p.request('/api/images?fresh=1', {}, bob)).status).toBe(200)
    let statuses: number[] = []
    for (let i = 0; i < 120; i++) statuses.push((await p.request('/api/health', {}, alice)).status)
    const limited = statuses.indexOf(429)
    expect(limited).toBeGreaterThan(100)
    const res = await p.request('/api/health', {}, alice)
    await expectErrorBody(res, 429, 'RATE_LIMITED')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expectSecurityHeaders(res)
    // The page and its assets are not API calls: never limited.
    expect((await p.request('/', {}, alice)).status).toBe(200)
    // A minute later the bucket is full again.
    t += 60_000
    statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push((await p.request('/api/images?fresh=1', {}, alice)).status)
    expect(statuses).toEqual([200, 200, 429])
  })

  it('rate-limits a small IMAGEDECK_RATE_LIMIT exactly, fresh=1 to one a minute', async () => {
    const p = inProcessApp({ IMAGEDECK_RATE_LIMIT: '5' })
    const statuses: number[] = []
    statuses.push((await p.request('/api/images?fresh=1')).status)
    statuses.push((await p.request('/api/images?fresh=1')).status)
    for (let i = 0; i < 5; i++) statuses.push((await p.request('/api/images')).status)
    expect(statuses).toEqual([200, 429, 200, 200, 200, 200, 429])
  })
})

/** Issue 12, over real loopback HTTP: a team's instance behind a reverse proxy. */
describe('behind a reverse proxy (issue 12)', () => {
  const PASSWORD = 'correct-horse-battery'
  const as = (client: string, password: string, extra: Record<string, string> = {}) => ({
    headers: { authorization: basic('admin', password), 'x-forwarded-for': client, ...extra },
  })

  it('sends Region with DescribeCompShareSupportZone: the one asked for, else the default', async () => {
    stack = await startStack({ UCLOUD_REGION: 'cn-sh2' })
    expect((await stack.get('/api/zones')).status).toBe(200)
    expect((await stack.get('/api/zones?region=cn-bj2')).status).toBe(200)
    const zoneCalls = stack.upstreamCalls.filter(
      (c) => c.params.Action === 'DescribeCompShareSupportZone',
    )
    expect(zoneCalls.map((c) => c.params.Region)).toEqual(['cn-sh2', 'cn-bj2'])
  })

  it('throttles password guessing: 10 failures in 10 minutes → 429 with Retry-After, per client', async () => {
    stack = await startStack({ IMAGEDECK_AUTH: `admin:${PASSWORD}` })
    const statuses: number[] = []
    let last: Awaited<ReturnType<Stack['get']>> | undefined
    for (let i = 0; i < 20; i++) {
      last = await stack.get('/api/health', as('ignored', `guess-${i}`))
      statuses.push(last.status)
    }
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)])
    expect(last!.body.error.code).toBe('RATE_LIMITED')
    const retryAfter = Number(last!.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(590)
    expect(retryAfter).toBeLessThanOrEqual(600)
    // Now even the right password waits: guessing it at attempt 11 gains nothing.
    expect((await stack.get('/api/health', as('ignored', PASSWORD))).status).toBe(429)
    // Without IMAGEDECK_TRUST_PROXY, X-Forwarded-For is the client's own claim: ignored, so a
    // guesser cannot get a fresh allowance by inventing addresses.
    expect((await stack.get('/api/health', as('198.51.100.77', PASSWORD))).status).toBe(429)
  })

  it('throttles each client behind a trusted proxy on its own; the others still sign in', async () => {
    stack = await startStack({
      IMAGEDECK_AUTH: `admin:${PASSWORD}`,
      IMAGEDECK_TRUST_PROXY: '127.0.0.1, ::1',
    })
    for (let i = 0; i < 10; i++) {
      expect((await stack.get('/', as('203.0.113.5', `wrong-${i}`))).status).toBe(401)
    }
    expect((await stack.get('/api/health', as('203.0.113.5', PASSWORD))).status).toBe(429)
    // A forged left-hand entry changes nothing: the proxy appended the real address last.
    expect((await stack.get('/api/health', as('10.9.9.9, 203.0.113.5', PASSWORD))).status).toBe(429)
    expect((await stack.get('/api/health', as('203.0.113.6', PASSWORD))).status).toBe(200)
    // A browser's first request carries no credentials: that is no failed guess.
    for (let i = 0; i < 12; i++) {
      expect(
        (await stack.get('/api/health', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status,
      ).toBe(401)
    }
    expect((await stack.get('/api/health', as('203.0.113.7', PASSWORD))).status).toBe(200)
  })

  it('gives every client behind a trusted proxy its own rate-limit bucket, and logs it', async () => {
    stack = await startStack({ IMAGEDECK_RATE_LIMIT: '5', IMAGEDECK_TRUST_PROXY: '127.0.0.0/8' })
    const from = (client: string) => ({ headers: { 'x-forwarded-for': client } })
    const alice: number[] = []
    for (let i = 0; i < 6; i++)
      alice.push((await stack.get('/api/health', from('198.51.100.1'))).status)
    expect(alice).toEqual([200, 200, 200, 200, 200, 429])
    expect((await stack.get('/api/health', from('198.51.100.2'))).status).toBe(200)
    expect((await stack.get('/api/health', from('spoofed, 198.51.100.1'))).status).toBe(429)
    const lines = stack.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request')
    expect(lines.map((l) => l.client)).toContain('198.51.100.2')
  })

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    stack = await startStack({ IMAGEDECK_RATE_LIMIT: '5', IMAGEDECK_TRUST_PROXY: '10.0.0.1' })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await stack.get('/api/health', { headers: { 'x-forwarded-for': `192.0.2.${i}` } })).status,
      )
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
  })

  it('counts fresh=1 however it is spelt, by the route’s own parser', async () => {
    // 60/min → fresh=1 gets one a minute.
    stack = await startStack({ IMAGEDECK_RATE_LIMIT: '60' })
    expect((await stack.get('/api/images?fresh=1&limit=1')).status).toBe(200)
    const calls = stack.upstreamCalls.length
    for (const spelling of ['1%20', '%201', '1%20%20', '+1+']) {
      const res = await stack.get(`/api/images?fresh=${spelling}&limit=1`)
      expect(res.status, spelling).toBe(429)
      expect(res.body.error.code).toBe('RATE_LIMITED')
    }
    expect(stack.upstreamCalls.length).toBe(calls)
    // A cached read is still fine.
    expect((await stack.get('/api/images?limit=1')).status).toBe(200)
  })

  it('refuses /api requests a browser marks cross-site (an <img> on another site)', async () => {
    stack = await startStack({ IMAGEDECK_CACHE_TTL_S: '0' })
    const calls = stack.upstreamCalls.length
    for (const path of ['/api/images?fresh=1', '/api/images/export?format=csv', '/api/zones']) {
      const res = await stack.get(path, { headers: { 'sec-fetch-site': 'cross-site' } })
      expect(res.status, path).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN_HOST')
      expect(res.body.error.message).toMatch(/cross-site/i)
      expectSecurityHeaders(new Response(null, { headers: res.headers }))
    }
    expect(stack.upstreamCalls.length).toBe(calls)
    for (const site of ['same-origin', 'none', undefined]) {
      const headers: Record<string, string> = site ? { 'sec-fetch-site': site } : {}
      expect((await stack.get('/api/health', { headers })).status, site).toBe(200)
    }
    // same-site (a sibling subdomain) is another matter: not refused.
    expect(
      (await stack.get('/api/health', { headers: { 'sec-fetch-site': 'same-site' } })).status,
    ).toBe(200)
  })
})

/** A hostile upstream on loopback: `answer` writes each response as it likes. */
async function hostileUpstream(
  answer: (params: URLSearchParams, res: ServerResponse) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => answer(new URLSearchParams(body), res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The real proxy on loopback in front of `upstreamUrl`, logging everything unscrubbed. */
async function proxyTo(upstreamUrl: string, keys: { publicKey: string; privateKey: string }) {
  const logs: string[] = []
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk))
      callback()
    },
  })
  const log = createLogger({ level: 'debug', destination })
  const config = loadConfig({
    UCLOUD_PUBLIC_KEY: keys.publicKey,
    UCLOUD_PRIVATE_KEY: keys.privateKey,
    UCLOUD_MAX_RETRIES: '0',
  })
  const upstream = createUpstreamClient(
    {
      ...keys,
      baseUrl: upstreamUrl,
      timeoutMs: 10_000,
      maxRetries: 0,
      maxRequestsPerSecond: 1000,
      burst: 1000,
      userAgent: 'ImageDeck/test',
    },
    { log },
  )
  const { app } = createApp({ config, upstream, log, version: 'test' })
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      }),
  }
}

describe('a hostile upstream (issue 12)', () => {
  // Base64-like, as generated keys are: URL-encoding changes '+', '/' and '='.
  const keys = {
    publicKey: 'pub+lic/key=0123456789',
    privateKey: 'pri+vate/KEY==secret+0123456789',
  }
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
  })

  it('scrubs the URL-encoded private key and the request’s Signature from 502 bodies and logs', async () => {
    const signatures: string[] = []
    const upstream = await hostileUpstream((params, res) => {
      const signature = params.get('Signature') ?? ''
      signatures.push(signature)
      res.setHeader('Content-Type', 'application/json')
      res.end(
        JSON.stringify({
          RetCode: 171,
          Message:
            `Signature VerifyAC Error: got ${signature}, want sha1(..${encodeURIComponent(keys.privateKey)}) ` +
            `for ${encodeURIComponent(keys.publicKey)} / ${new URLSearchParams(keys).toString()}`,
        }),
      )
    })
    closers.push(upstream.close)
    const proxy = await proxyTo(upstream.url, keys)
    closers.push(proxy.close)
    const texts: string[] = []
    for (const path of ['/api/images', '/api/zones', '/api/images/x-1']) {
      const res = await fetch(proxy.url + path)
      const text = await res.text()
      texts.push(text)
      expect(res.status, path).toBe(502)
      expect(JSON.parse(text).error.message).toMatch(/^Signature VerifyAC Error: got \[REDACTED\]/)
    }
    expect(signatures.length).toBe(3)
    const seen = [...texts, ...proxy.logs].join('\n')
    expect(proxy.logs.join('\n')).toContain('[REDACTED]')
    for (const secret of [
      keys.privateKey,
      encodeURIComponent(keys.privateKey),
      encodeURIComponent(keys.publicKey),
      ...signatures,
    ]) {
      expect(seen).not.toContain(secret)
    }
  })

  it('refuses an oversized body while it streams: 503, not hundreds of MB held', async () => {
    const PAD_MB = 96
    let written = 0
    let finished = false
    const upstream = await hostileUpstream((_params, res) => {
      res.setHeader('Content-Type', 'application/json')
      const chunk = 'x'.repeat(1024 * 1024)
      res.write('{"RetCode":0,"Action":"x","TotalCount":0,"ImageSet":[],"Pad":"')
      let left = PAD_MB
      const pump = () => {
        while (left > 0) {
          left--
          written++
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end('"}')
        finished = true
      }
      res.on('close', () => (left = 0))
      pump()
    })
    closers.push(upstream.close)
    const proxy = await proxyTo(upstream.url, keys)
    closers.push(proxy.close)
    const before = process.memoryUsage().rss
    const res = await fetch(`${proxy.url}/api/images?limit=1`)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(res.status).toBe(503)
    expect(body.error.code).toBe('UPSTREAM_UNAVAILABLE')
    expect(body.error.message).toMatch(/larger than \d+ bytes/)
    // The proxy stopped reading at its limit (32 MB) and hung up: the rest was never sent.
    expect(finished).toBe(false)
    expect(written).toBeLessThan(PAD_MB)
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  }, 20_000)

  it('keeps the zones cache bounded: the least recently used region is dropped', async () => {
    const asked: string[] = []
    const upstream = await hostileUpstream((params, res) => {
      asked.push(params.get('Region') ?? '')
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify({ RetCode: 0, Action: 'x', ZoneInfo: [] }))
    })
    closers.push(upstream.close)
    const proxy = await proxyTo(upstream.url, keys)
    closers.push(proxy.close)
    const get = async (region: string) =>
      expect((await fetch(`${proxy.url}/api/zones?region=${region}`)).status).toBe(200)
    for (let i = 0; i < 100; i++) await get(`r-${i}`)
    expect(asked).toHaveLength(100)
    await get('r-99') // recent: still cached
    expect(asked).toHaveLength(100)
    await get('r-0') // long evicted: asked again
    expect(asked).toHaveLength(101)
  })
})
