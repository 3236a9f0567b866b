import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from './sandbox/server'

/**
 * The real entry point, `node --import tsx proxy/main.ts`, as a child process: start-up refusal,
 * UCLOUD_PRIVATE_KEY_FILE end to end, faults that must not end the process, and SIGTERM.
 * The processes start in parallel once per file; everything listens on 127.0.0.1 only.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url))

interface Proc {
  child: ChildProcess
  out: () => string
  err: () => string
  /** The dashboard's base URL, from the start-up line. */
  url: string
  /** The in-process sandbox's base URL (sandbox mode only). */
  sandboxUrl?: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function run(
  env: Record<string, string>,
  preload: string[] = [],
): Omit<Proc, 'url' | 'sandboxUrl'> & { ready: Promise<Proc> } {
  const imports = ['tsx', ...preload].flatMap((m) => ['--import', m])
  // A clean environment: nothing inherited can supply a key or change the mode.
  const child = spawn(process.execPath, [...imports, 'proxy/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const base = { child, out: () => out, err: () => err, exited }
  const ready = new Promise<Proc>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start-up line in 20 s:\n${out}\n${err}`)),
      20_000,
    )
    const onData = () => {
      const match = /ImageDeck on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (!match) return
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      const sandboxUrl = /fake of the CompShare API at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      resolve({ ...base, url: match[1]!, sandboxUrl })
    }
    child.stdout!.on('data', onData)
    void exited.then(({ code }) => {
      clearTimeout(timer)
      reject(new Error(`exited (${code}) before listening:\n${out}\n${err}`))
    })
  })
  ready.catch(() => {})
  return { ...base, ready }
}

interface ListBody {
  ok?: boolean
  total: number
  items: { CompShareImageId: string }[]
  CompShareImageId?: string
}

async function getJson(url: string, init?: RequestInit) {
  const res = await fetch(url, init)
  const text = await res.text()
  return { status: res.status, body: JSON.parse(text) as ListBody, text }
}

const keyDir = mkdtempSync(join(tmpdir(), 'imagedeck-key-'))
const keys = {
  publicKey: 'imagedeck-process-test-public-key',
  privateKey: 'f3e1c0ffee5ecret0a7b9d2c4e6f8a1b3c5d7e9f1',
}
const keyFile = join(keyDir, 'ucloud.key')
let sandbox: RunningSandbox
let live: Proc
let demo: Proc
let stuck: Proc
let refused: ReturnType<typeof run>

beforeAll(async () => {
  writeFileSync(keyFile, `${keys.privateKey}\n`, { mode: 0o600 })
  sandbox = await startSandbox({ keys, count: 60, seed: 3 })
  refused = run({ HOST: '0.0.0.0', PORT: '0' })
  const liveRun = run(
    {
      UCLOUD_PUBLIC_KEY: keys.publicKey,
      UCLOUD_PRIVATE_KEY_FILE: keyFile,
      UCLOUD_API_BASE: sandbox.url,
      PORT: '0',
      UCLOUD_TIMEOUT_MS: '2000',
      UCLOUD_MAX_RETRIES: '1',
      UCLOUD_MAX_RPS: '1000',
      UCLOUD_RPS_BURST: '1000',
      IMAGEDECK_CACHE_TTL_S: '0',
      IMAGEDECK_RATE_LIMIT: '100000',
      // Everything the proxy can log, so "never logged" covers debug lines too.
      IMAGEDECK_LOG_LEVEL: 'debug',
    },
    ['./proxy/test/reject-on-signal.ts'],
  )
  const demoRun = run({
    PORT: '0',
    SANDBOX_PORT: '0',
    SANDBOX_COUNT: '60',
    IMAGEDECK_LOG_LEVEL: 'info',
  })
  // An upstream that never answers in time, and a short grace period (issue 12, item 9).
  const stuckRun = run({
    PORT: '0',
    SANDBOX_PORT: '0',
    SANDBOX_COUNT: '10',
    SANDBOX_LATENCY_MS: '60000',
    UCLOUD_TIMEOUT_MS: '120000',
    IMAGEDECK_SHUTDOWN_GRACE_S: '1',
    IMAGEDECK_LOG_LEVEL: 'info',
  })
  ;[live, demo, stuck] = await Promise.all([liveRun.ready, demoRun.ready, stuckRun.ready])
}, 30_000)

afterAll(async () => {
  for (const p of [live, demo, stuck]) {
    if (p && p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGKILL')
      await p.exited
    }
  }
  await sandbox?.close()
  rmSync(keyDir, { recursive: true, force: true })
})

describe('start-up', () => {
  it('refuses a non-loopback HOST without IMAGEDECK_AUTH: exit 1, one line naming the variable', async () => {
    const { code } = await refused.exited
    expect(code).toBe(1)
    expect(refused.out()).toBe('')
    const lines = refused.err().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^ImageDeck cannot start: IMAGEDECK_AUTH: .*HOST \(0\.0\.0\.0\)/)
  })

  it('refuses a guessable IMAGEDECK_AUTH password (under 12 characters) on a non-loopback HOST', async () => {
    const short = run({ HOST: '0.0.0.0', PORT: '0', IMAGEDECK_AUTH: 'admin:x' })
    expect((await short.exited).code).toBe(1)
    expect(short.err().trim()).toMatch(
      /^ImageDeck cannot start: IMAGEDECK_AUTH: the password must be at least 12 characters/,
    )
  })
})

describe('live mode with UCLOUD_PRIVATE_KEY_FILE against a standalone sandbox', () => {
  it('signs with the key from the file: the list and a detail work', async () => {
    expect((await getJson(`${live.url}/api/health`)).body).toMatchObject({ ok: true, mode: 'live' })
    expect(live.out()).toContain(`live mode: ${sandbox.url}`)
    const list = await getJson(`${live.url}/api/images?limit=5`)
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(60)
    const id = list.body.items[0]!.CompShareImageId
    expect((await getJson(`${live.url}/api/images/${id}`)).body.CompShareImageId).toBe(id)
    // The sandbox verified our signatures: nothing it answered was a 17x.
    expect(sandbox.stats.snapshot().calls.DescribeCompShareCustomImages).toBeGreaterThan(0)
  }, 10_000)

  it('keeps answering through every upstream fault and client abort; no unhandled rejection', async () => {
    const id = (await getJson(`${live.url}/api/images?limit=1`)).body.items[0]!.CompShareImageId
    const faults = [
      { mode: 'hang' },
      { mode: 'reset' },
      { mode: 'non-json' },
      { mode: 'truncated' },
      { mode: 'empty-set' },
      { mode: 'shift' },
      { httpStatus: 503 },
      { httpStatus: 500 },
      { retCode: 150 },
      { retCode: 171, message: `echo ${keys.privateKey} ${keys.publicKey}` },
      { retCode: 172 },
    ] as const
    const seen = new Set<number>()
    for (const fault of faults) {
      sandbox.faults.set(fault)
      const read = async (path: string) => {
        const res = await fetch(live.url + path)
        return { status: res.status, text: await res.text() }
      }
      const answers = await Promise.all([
        read('/api/images?fresh=1'),
        read(`/api/images/${id}`),
        read('/api/zones?region=cn-sh2'),
        read('/api/images/export?format=csv&fresh=1'),
      ])
      // A browser that goes away mid-request.
      await fetch(`${live.url}/api/images/${id}?zone=cn-wlcb-02`, {
        signal: AbortSignal.timeout(30),
      })
        .then((res) => res.text())
        .catch(() => null)
      for (const { status, text } of answers) {
        seen.add(status)
        expect([200, 404, 502, 503, 504], JSON.stringify(fault)).toContain(status)
        expect(text).not.toContain(keys.privateKey)
        expect(text).not.toContain(keys.publicKey)
      }
      expect((await getJson(`${live.url}/api/health`)).status, JSON.stringify(fault)).toBe(200)
    }
    // The error paths were really taken, not only the stale-list one.
    expect([...seen].sort()).toEqual([200, 404, 502, 503, 504])
    sandbox.faults.clear()
    expect((await getJson(`${live.url}/api/images?fresh=1`)).body.total).toBe(60)
    expect(live.child.exitCode).toBeNull()
    expect(live.out() + live.err()).not.toMatch(/unhandled rejection|unexpected error/)
  }, 20_000)

  it('never writes the key, the public key or a signature to stdout or stderr', () => {
    const output = live.out() + live.err()
    // Debug logging was on and the faults above ran: there is plenty to look at.
    expect(output.split('\n').length).toBeGreaterThan(50)
    expect(output).toContain('upstream failure')
    expect(output).not.toContain(keys.privateKey)
    expect(output).not.toContain(keys.publicKey)
    expect(output).not.toMatch(/[0-9a-f]{40}/)
  })

  it('survives an unhandled rejection: logged, scrubbed, still serving', async () => {
    expect(live.child.kill('SIGUSR2')).toBe(true)
    await expect.poll(() => live.out(), { timeout: 3000 }).toContain('injected unhandled rejection')
    expect((await getJson(`${live.url}/api/images?limit=1`)).status).toBe(200)
    expect(live.child.exitCode).toBeNull()
    const line = live
      .out()
      .split('\n')
      .find((l) => l.includes('injected unhandled rejection'))!
    expect(JSON.parse(line)).toMatchObject({ level: 50, msg: 'unhandled rejection' })
    expect(line).toContain('[REDACTED]')
    expect(live.out() + live.err()).not.toContain(keys.privateKey)
  }, 10_000)

  it.runIf(existsSync('/proc/self/environ'))('keeps the key out of its own environment', () => {
    const environ = readFileSync(`/proc/${live.child.pid}/environ`, 'utf8')
    expect(environ).toContain(`UCLOUD_PRIVATE_KEY_FILE=${keyFile}`)
    expect(environ).not.toContain(keys.privateKey)
  })
})

describe('SIGTERM (sandbox mode)', () => {
  it('finishes the request in flight, refuses new ones, then exits 0 promptly', async () => {
    expect(demo.sandboxUrl).toBeDefined()
    const set = await fetch(`${demo.sandboxUrl}/__sandbox/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ latencyMs: 1500 }),
    })
    expect(set.status).toBe(200)
    const started = performance.now()
    const inFlight = getJson(`${demo.url}/api/images?limit=3`)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(demo.child.kill('SIGTERM')).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 100))
    // No new work is taken once shutting down.
    await expect(
      fetch(`${demo.url}/api/health`, { signal: AbortSignal.timeout(2000) }),
    ).rejects.toThrow()
    const res = await inFlight
    const answeredAt = performance.now()
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(3)
    expect(answeredAt - started).toBeGreaterThanOrEqual(1400)
    const exit = await demo.exited
    expect(exit).toEqual({ code: 0, signal: null })
    expect(performance.now() - answeredAt).toBeLessThan(2000)
    expect(demo.out()).toContain('shutting down')
  }, 15_000)
})

describe('SIGTERM with a stuck upstream (issue 12)', () => {
  it('answers the request in flight 503 after the grace period, not an empty reply; exits 0', async () => {
    const started = performance.now()
    const inFlight = fetch(`${stuck.url}/api/images?limit=3`).then(async (res) => ({
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { error: { code: string; message: string } },
    }))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(stuck.child.kill('SIGTERM')).toBe(true)
    const res = await inFlight
    const answeredAt = performance.now()
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe('UPSTREAM_UNAVAILABLE')
    expect(res.body.error.message).toMatch(/restarting/)
    expect(res.retryAfter).toBe('5')
    // The 1 s grace period, not the 120 s upstream timeout.
    expect(answeredAt - started).toBeGreaterThanOrEqual(1200)
    expect(answeredAt - started).toBeLessThan(4000)
    expect(await stuck.exited).toEqual({ code: 0, signal: null })
    expect(performance.now() - answeredAt).toBeLessThan(2000)
    expect(stuck.out()).toContain('grace period over')
  }, 15_000)
})
