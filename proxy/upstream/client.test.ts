import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, silentLogger } from '../log'
import {
  createUpstreamClient,
  UpstreamError,
  type AllowedAction,
  type UpstreamDeps,
  type UpstreamOptions,
} from './client'
import { signature } from './sign'

// design.md §2: UCloud's public example key pair.
const PUBLIC_KEY = 'ucloudsomeone@example.com1296235120854146120'
const PRIVATE_KEY = '46f09bb9fab4f12dfc160dae12273d5332b5debe'
const ACTION = 'DescribeCompShareCustomImages'

interface Hit {
  method: string | undefined
  headers: IncomingMessage['headers']
  form: URLSearchParams
}
type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A real loopback server; `handler` answers the n-th request (0-based). */
async function serve(handler: Handler): Promise<{ url: string; hits: Hit[] }> {
  const hits: Hit[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
      hits.push({ method: req.method, headers: req.headers, form })
      handler(req, res, hits.length - 1)
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, hits }
}

function json(res: ServerResponse, body: unknown, status = 200, requestId = 'req-1'): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'X-UCLOUD-REQUEST-UUID': requestId,
  })
  res.end(text)
}

const ok = (res: ServerResponse) =>
  json(res, { RetCode: 0, Action: `${ACTION}Response`, ImageSet: [], TotalCount: 0 })

function options(url: string, over: Partial<UpstreamOptions> = {}): UpstreamOptions {
  return {
    baseUrl: url,
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    timeoutMs: 5000,
    maxRetries: 2,
    maxRequestsPerSecond: 1000,
    burst: 1000,
    userAgent: 'ImageDeck/0.1.0 (test)',
    ...over,
  }
}

/** No backoff wait, so retry tests run at full speed. */
const fast: UpstreamDeps = { log: silentLogger(), random: () => 0 }

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(UpstreamError)
  return err as UpstreamError
}

describe('wire format', () => {
  it('POSTs a signed form with the User-Agent and nothing else', async () => {
    const { url, hits } = await serve((_req, res) => ok(res))
    const client = createUpstreamClient(options(url), fast)
    const result = await client.call(ACTION, {
      Region: 'cn-wlcb',
      Zone: 'cn-wlcb-01',
      CompShareImageId: '镜像 a&b=c+d',
      Offset: 0,
      Limit: 100,
      ProjectId: '',
    })
    expect(result.body.RetCode).toBe(0)
    expect(result.requestId).toBe('req-1')

    const hit = hits[0]!
    expect(hit.method).toBe('POST')
    expect(hit.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(hit.headers['user-agent']).toBe('ImageDeck/0.1.0 (test)')
    expect(hit.headers.cookie).toBeUndefined()
    expect(hit.headers.authorization).toBeUndefined()

    const fields = Object.fromEntries(hit.form)
    const { Signature, ...signed } = fields
    expect(signed).toEqual({
      Action: ACTION,
      Region: 'cn-wlcb',
      Zone: 'cn-wlcb-01',
      CompShareImageId: '镜像 a&b=c+d',
      Offset: '0',
      Limit: '100',
      PublicKey: PUBLIC_KEY,
    })
    expect(Signature).toBe(signature(signed, PRIVATE_KEY))
  })

  it('refuses an action outside the allow-list without sending anything', async () => {
    const { url, hits } = await serve((_req, res) => ok(res))
    const client = createUpstreamClient(options(url), fast)
    await expect(client.call('DeleteCompShareImage' as AllowedAction, {})).rejects.toThrow(
      TypeError,
    )
    expect(hits).toHaveLength(0)
  })

  it('never lets a stray Action param replace the allowed one', async () => {
    const { url, hits } = await serve((_req, res) => ok(res))
    const client = createUpstreamClient(options(url), fast)
    await client.call(ACTION, { Action: 'TerminateUHostInstance' })
    expect(hits[0]!.form.get('Action')).toBe(ACTION)
  })

  it('rejects impossible options up front', () => {
    expect(() => createUpstreamClient(options('http://x/', { timeoutMs: 0 }), fast)).toThrow(
      RangeError,
    )
    expect(() => createUpstreamClient(options('http://x/', { maxRetries: -1 }), fast)).toThrow(
      RangeError,
    )
    expect(() => createUpstreamClient(options('http://x/', { burst: 0 }), fast)).toThrow(RangeError)
  })
})

describe('RetCode handling', () => {
  it('does not retry RetCode 171 and reports message, code and request id', async () => {
    const { url, hits } = await serve((_req, res) =>
      json(res, { RetCode: 171, Message: 'Signature VerifyAC Error' }, 200, 'uuid-171'),
    )
    const client = createUpstreamClient(options(url), fast)
    const err = await failure(client.call(ACTION, {}))
    expect(hits).toHaveLength(1)
    expect(err).toMatchObject({
      kind: 'retcode',
      action: ACTION,
      retCode: 171,
      requestId: 'uuid-171',
      message: 'Signature VerifyAC Error',
    })
  })

  it('names the code when the API gives no Message', async () => {
    const { url } = await serve((_req, res) => json(res, { RetCode: 292 }))
    const err = await failure(createUpstreamClient(options(url), fast).call(ACTION, {}))
    expect(err.message).toBe('RetCode 292')
  })

  it('retries RetCode 150 maxRetries times, then throws it', async () => {
    const { url, hits } = await serve((_req, res) =>
      json(res, { RetCode: 150, Message: 'Service Unavailable' }),
    )
    const client = createUpstreamClient(options(url, { maxRetries: 3 }), fast)
    const err = await failure(client.call(ACTION, {}))
    expect(hits).toHaveLength(4)
    expect(err).toMatchObject({ kind: 'retcode', retCode: 150 })
  })

  it('retries RetCode 153 and returns the later success', async () => {
    const { url, hits } = await serve((_req, res, n) =>
      n === 0 ? json(res, { RetCode: 153, Message: 'rate limited' }) : ok(res),
    )
    const result = await createUpstreamClient(options(url), fast).call(ACTION, {})
    expect(result.body.RetCode).toBe(0)
    expect(hits).toHaveLength(2)
  })

  it('recovers from 150 then success', async () => {
    const { url, hits } = await serve((_req, res, n) =>
      n === 0 ? json(res, { RetCode: 150 }) : ok(res),
    )
    await createUpstreamClient(options(url), fast).call(ACTION, {})
    expect(hits).toHaveLength(2)
  })

  it('tolerates a numeric-string RetCode', async () => {
    const { url } = await serve((_req, res) => json(res, { RetCode: '0', ImageSet: [] }))
    const result = await createUpstreamClient(options(url), fast).call(ACTION, {})
    expect(result.body.ImageSet).toEqual([])
  })
})

describe('HTTP and body failures', () => {
  it('retries HTTP 503 and returns the later success', async () => {
    const { url, hits } = await serve((_req, res, n) =>
      n === 0 ? json(res, { oops: true }, 503) : ok(res),
    )
    await createUpstreamClient(options(url), fast).call(ACTION, {})
    expect(hits).toHaveLength(2)
  })

  it('retries HTTP 429 up to the bound', async () => {
    const { url, hits } = await serve((_req, res) => json(res, {}, 429))
    const err = await failure(
      createUpstreamClient(options(url, { maxRetries: 1 }), fast).call(ACTION, {}),
    )
    expect(hits).toHaveLength(2)
    expect(err).toMatchObject({ kind: 'unavailable', httpStatus: 429 })
  })

  it('does not retry HTTP 500', async () => {
    const { url, hits } = await serve((_req, res) => json(res, {}, 500, 'uuid-500'))
    const err = await failure(createUpstreamClient(options(url), fast).call(ACTION, {}))
    expect(hits).toHaveLength(1)
    expect(err).toMatchObject({ kind: 'unavailable', httpStatus: 500, requestId: 'uuid-500' })
  })

  it.each([
    ['a non-JSON body', 'Bad Gateway <html>', 'body is not valid JSON'],
    ['truncated JSON', '{"RetCode": 0, "ImageSet": [{"Name": "a"', 'body is not valid JSON'],
    ['a JSON array', '[{"RetCode": 0}]', 'body is not a JSON object'],
    ['JSON null', 'null', 'body is not a JSON object'],
    ['no RetCode', '{"Action": "x"}', 'RetCode is missing or not a number'],
    ['a non-numeric RetCode', '{"RetCode": "zero"}', 'RetCode is missing or not a number'],
  ])('treats %s as unavailable, without retrying', async (_name, body, detail) => {
    const { url, hits } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': Buffer.byteLength(body) })
      res.end(body)
    })
    const err = await failure(createUpstreamClient(options(url), fast).call(ACTION, {}))
    expect(hits).toHaveLength(1)
    expect(err.kind).toBe('unavailable')
    expect(err.message).toBe(`The CompShare API returned an invalid response: ${detail}`)
  })

  it('retries a connection reset, then reports unavailable', async () => {
    const { url, hits } = await serve((req) => req.socket.destroy())
    const err = await failure(createUpstreamClient(options(url), fast).call(ACTION, {}))
    expect(hits).toHaveLength(3)
    expect(err.kind).toBe('unavailable')
    expect(err.httpStatus).toBeUndefined()
  })

  it('retries a body cut short by the server, then succeeds', async () => {
    const { url, hits } = await serve((_req, res, n) => {
      if (n > 0) return ok(res)
      res.writeHead(200, { 'Content-Length': 1000 })
      res.write('{"RetCode": 0,')
      setTimeout(() => res.socket?.destroy(), 10)
    })
    const result = await createUpstreamClient(options(url), fast).call(ACTION, {})
    expect(result.body.RetCode).toBe(0)
    expect(hits).toHaveLength(2)
  })

  it('reports unavailable when nothing listens', async () => {
    const { url } = await serve((_req, res) => ok(res))
    await new Promise((resolve) => servers.pop()!.close(resolve))
    const err = await failure(
      createUpstreamClient(options(url, { maxRetries: 0 }), fast).call(ACTION, {}),
    )
    expect(err.kind).toBe('unavailable')
  })
})

describe('deadline', () => {
  it('gives timeout within timeoutMs when the server hangs', async () => {
    const { url } = await serve(() => {})
    const client = createUpstreamClient(options(url, { timeoutMs: 300 }), fast)
    const started = performance.now()
    const err = await failure(client.call(ACTION, {}))
    const elapsed = performance.now() - started
    expect(err.kind).toBe('timeout')
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(600)
  })

  it('bounds the body reading too', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': 1000 })
      res.write('{"RetCode": 0,')
    })
    const client = createUpstreamClient(options(url, { timeoutMs: 300 }), fast)
    const started = performance.now()
    const err = await failure(client.call(ACTION, {}))
    expect(err.kind).toBe('timeout')
    expect(performance.now() - started).toBeLessThan(600)
  })

  it('bounds retries and their backoff as a whole', async () => {
    const { url, hits } = await serve((_req, res, n) =>
      n === 0 ? json(res, { RetCode: 150 }) : undefined,
    )
    // The retry hangs: the one deadline covers attempt, backoff and retry.
    const client = createUpstreamClient(options(url, { timeoutMs: 300 }), fast)
    const started = performance.now()
    const err = await failure(client.call(ACTION, {}))
    expect(err.kind).toBe('timeout')
    expect(hits).toHaveLength(2)
    expect(performance.now() - started).toBeLessThan(600)
  })

  it('rethrows the caller abort reason, not an UpstreamError', async () => {
    const { url } = await serve(() => {})
    const client = createUpstreamClient(options(url), fast)
    const ctl = new AbortController()
    const reason = new Error('client went away')
    setTimeout(() => ctl.abort(reason), 50)
    await expect(client.call(ACTION, {}, { signal: ctl.signal })).rejects.toBe(reason)
  })

  it('rethrows at once when the caller signal is already aborted', async () => {
    const { url, hits } = await serve((_req, res) => ok(res))
    const ctl = new AbortController()
    ctl.abort()
    const client = createUpstreamClient(options(url), fast)
    await expect(client.call(ACTION, {}, { signal: ctl.signal })).rejects.toBe(ctl.signal.reason)
    expect(hits).toHaveLength(0)
  })
})

/** A clock that only moves when the client sleeps (or never, with `frozen`). */
function fakeClock(frozen = false) {
  let t = 1_000_000
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      if (!frozen) t += ms
    },
  }
}

describe('backoff', () => {
  it('uses full jitter over 200 ms doubling, capped at 2000 ms', async () => {
    const { url, hits } = await serve((_req, res) => json(res, { RetCode: 150 }))
    const clock = fakeClock()
    const client = createUpstreamClient(options(url, { maxRetries: 6, timeoutMs: 60_000 }), {
      log: silentLogger(),
      random: () => 0.5,
      now: clock.now,
      sleep: clock.sleep,
    })
    await failure(client.call(ACTION, {}))
    expect(hits).toHaveLength(7)
    expect(clock.sleeps).toEqual([100, 200, 400, 800, 1000, 1000])
  })

  it('does not sleep past the deadline: it throws the last error instead', async () => {
    const { url, hits } = await serve((_req, res) => json(res, { RetCode: 150 }))
    const clock = fakeClock()
    const client = createUpstreamClient(options(url, { maxRetries: 6, timeoutMs: 1000 }), {
      log: silentLogger(),
      random: () => 1,
      now: clock.now,
      sleep: clock.sleep,
    })
    const err = await failure(client.call(ACTION, {}))
    // 200 + 400 = 600 ms slept; the next 800 ms would end past the 1000 ms deadline.
    expect(clock.sleeps).toEqual([200, 400])
    expect(hits).toHaveLength(3)
    expect(err).toMatchObject({ kind: 'retcode', retCode: 150 })
  })
})

describe('rate limit', () => {
  it('spaces calls beyond the burst at the refill rate (real time)', async () => {
    const { url, hits } = await serve((_req, res) => ok(res))
    const client = createUpstreamClient(options(url, { maxRequestsPerSecond: 10, burst: 2 }), fast)
    const started = performance.now()
    await Promise.all(Array.from({ length: 5 }, () => client.call(ACTION, {})))
    const elapsed = performance.now() - started
    expect(hits).toHaveLength(5)
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(2000)
  })

  it('makes each waiter wait its turn (injected clock)', async () => {
    // Frozen: all five reserve at the same instant, as concurrent requests would.
    const clock = fakeClock(true)
    const fetch = async () =>
      new Response(JSON.stringify({ RetCode: 0 }), { status: 200 }) as Response
    const client = createUpstreamClient(
      options('http://upstream.invalid/', { maxRequestsPerSecond: 10, burst: 2 }),
      { log: silentLogger(), fetch, now: clock.now, sleep: clock.sleep },
    )
    const calls = Array.from({ length: 5 }, () => client.call(ACTION, {}))
    await Promise.all(calls)
    // Two from the burst, then one every 100 ms, reserved in arrival order.
    expect(clock.sleeps).toEqual([100, 200, 300])
  })

  it('lets a caller abort its wait for a token', async () => {
    const { url, hits } = await serve((_req, res) => ok(res))
    const client = createUpstreamClient(options(url, { maxRequestsPerSecond: 1, burst: 1 }), fast)
    await client.call(ACTION, {})
    const ctl = new AbortController()
    const reason = new Error('gone')
    setTimeout(() => ctl.abort(reason), 30)
    const started = performance.now()
    await expect(client.call(ACTION, {}, { signal: ctl.signal })).rejects.toBe(reason)
    expect(performance.now() - started).toBeLessThan(500)
    expect(hits).toHaveLength(1)
  })

  it('gives timeout at once when the wait for a token would pass the deadline', async () => {
    const clock = fakeClock()
    let fetched = 0
    const fetch = async () => {
      fetched++
      return new Response(JSON.stringify({ RetCode: 0 }), { status: 200 }) as Response
    }
    const client = createUpstreamClient(
      options('http://upstream.invalid/', { maxRequestsPerSecond: 1, burst: 1, timeoutMs: 500 }),
      { log: silentLogger(), fetch, now: clock.now, sleep: clock.sleep },
    )
    await client.call(ACTION, {})
    const err = await failure(client.call(ACTION, {}))
    expect(err.kind).toBe('timeout')
    expect(fetched).toBe(1)
    expect(clock.sleeps).toEqual([])
  })
})

describe('logging', () => {
  function capture() {
    const lines: string[] = []
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk))
        cb()
      },
    })
    return { lines, log: createLogger({ destination, level: 'debug' }) }
  }

  it('logs each attempt and failure without keys, signature or params', async () => {
    const { url, hits } = await serve((_req, res, n) =>
      n === 0
        ? json(res, { RetCode: 150, Message: 'busy' }, 200, 'uuid-a')
        : json(res, { RetCode: 171, Message: 'Signature VerifyAC Error' }, 200, 'uuid-b'),
    )
    const { lines, log } = capture()
    const client = createUpstreamClient(options(url), { log, random: () => 0 })
    await failure(client.call(ACTION, { Region: 'cn-secret-region', Limit: 100 }))

    const text = lines.join('')
    const sent = hits.map((h) => h.form.get('Signature')!)
    expect(sent).toHaveLength(2)
    for (const sig of sent) expect(text).not.toContain(sig)
    expect(text).not.toContain(PRIVATE_KEY)
    expect(text).not.toContain(PUBLIC_KEY)
    expect(text).not.toContain('Signature=')
    expect(text).not.toContain('cn-secret-region')

    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    const debug = records.filter((r) => r.level === 20)
    const warn = records.filter((r) => r.level === 40)
    expect(debug).toHaveLength(2)
    expect(warn).toHaveLength(2)
    expect(warn[0]).toMatchObject({ action: ACTION, attempt: 1, retCode: 150, requestId: 'uuid-a' })
    expect(warn[1]).toMatchObject({ action: ACTION, attempt: 2, retCode: 171, requestId: 'uuid-b' })
    expect(typeof warn[1]!.ms).toBe('number')
  })

  it('logs a successful attempt at debug with status and request id', async () => {
    const { url } = await serve((_req, res) => ok(res))
    const { lines, log } = capture()
    await createUpstreamClient(options(url), { log }).call(ACTION, { Region: 'cn-wlcb' })
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      level: 20,
      action: ACTION,
      attempt: 1,
      httpStatus: 200,
      requestId: 'req-1',
    })
    expect(lines.join('')).not.toContain(PRIVATE_KEY)
  })
})
