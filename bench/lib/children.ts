import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateKeyPair } from '../../proxy/sandbox/keys'
import { ensureServer } from '../../scripts/build-server.mjs'
import { sleep } from './stats'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
let logDir: string | undefined
/** Where the children's output goes: one temporary directory per bench process. */
export function logDirectory(): string {
  logDir ??= mkdtempSync(join(tmpdir(), 'imagedeck-bench-'))
  return logDir
}
/** Deletes the children's logs (once nothing needs them for a post-mortem). */
export function removeLogs(): void {
  if (logDir) rmSync(logDir, { recursive: true, force: true })
  logDir = undefined
}

/** Every child still running, so an aborted bench never leaves one behind. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export interface Child {
  pid: number
  url: string
  logFile: string
  /** Resident set size now and its peak so far (VmRSS, VmHWM), in bytes. */
  memory(): { rss: number; peak: number }
  /** With `ipc`: sends a message and resolves with the child's next reply of the same type. */
  ask<T>(message: { type: string } & Record<string, unknown>): Promise<T>
  stop(): Promise<void>
}

/** A loopback port nobody holds right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** VmRSS and VmHWM of a process from /proc (Linux), in bytes. */
export function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
  return { rss: field('VmRSS'), peak: field('VmHWM') }
}

/**
 * Runs an entry with `node` (the node process itself, so its pid is the one measured): a
 * TypeScript entry through `--import tsx`, a plain `.mjs` one (the bundled server) on bare Node.
 * Only the environment given (plus PATH and HOME) is passed: nothing leaks in from the shell.
 * Output goes to a log file, not a pipe the bench would have to drain.
 */
export async function startNode(
  name: string,
  entry: string,
  env: Record<string, string>,
  readyUrl: (port: number) => string,
  port: number,
  options: { ipc?: boolean; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<Child> {
  const timeoutMs = options.timeoutMs ?? 60_000
  const logFile = join(logDirectory(), `${name}.log`)
  const fd = openSync(logFile, 'w')
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : []
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: options.ipc ? ['ignore', fd, fd, 'ipc'] : ['ignore', fd, fd],
  })
  closeSync(fd)
  running.add(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', () => running.delete(child))

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited early (code ${child.exitCode}): ${tail(logFile)}`)
    try {
      const res = await fetch(readyUrl(port), { signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (res.status < 500) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${name} did not become ready within ${timeoutMs} ms: ${tail(logFile)}`)
    }
    await sleep(100)
  }

  return {
    pid: child.pid!,
    url,
    logFile,
    memory: () => processMemory(child.pid!),
    ask<T>(message: { type: string } & Record<string, unknown>) {
      return new Promise<T>((resolve, reject) => {
        if (!child.send) return reject(new Error(`${name} has no IPC channel`))
        const onMessage = (reply: { type?: string }) => {
          if (reply?.type !== message.type) return
          child.off('message', onMessage)
          resolve(reply as T)
        }
        child.on('message', onMessage)
        child.send(message)
      })
    },
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])
      if (!killed) {
        child.kill('SIGKILL')
        await exited
      }
    },
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-8).join('\n')
  } catch {
    return '(no output)'
  }
}

export interface ChildStack {
  sandbox: Child
  proxy: Child
  count: number
  close(): Promise<void>
}

/**
 * The sandbox and the proxy as two separate processes, the proxy in live mode against the
 * sandbox, so the proxy's memory and CPU are its own. `proxyEnv` overrides the proxy's settings.
 */
/**
 * The Node flags `npm start` gives the server (package.json's start script), so the bench measures
 * the proxy as it runs.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  const found = /^node\s+((?:--\S+\s+)*)scripts\/start\.mjs$/.exec(pkg.scripts.start ?? '')
  if (!found) throw new Error(`package.json's start script is not "node [flags] scripts/start.mjs"`)
  return found[1]!.split(/\s+/).filter(Boolean)
}

export async function startChildStack(
  name: string,
  count: number,
  proxyEnv: Record<string, string> = {},
  sandboxEnv: Record<string, string> = {},
  proxyNodeArgs: string[] = startFlags(),
): Promise<ChildStack> {
  const keys = generateKeyPair()
  const sandboxPort = await freePort()
  const sandbox = await startNode(
    `${name}-sandbox`,
    'proxy/sandbox/main.ts',
    {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_COUNT: String(count),
      SANDBOX_SEED: '42',
      SANDBOX_PUBLIC_KEY: keys.publicKey,
      SANDBOX_PRIVATE_KEY: keys.privateKey,
      ...sandboxEnv,
    },
    (port) => `http://127.0.0.1:${port}/__sandbox/stats`,
    sandboxPort,
  )
  try {
    const proxyPort = await freePort()
    // What `npm start` runs: the bundled server on bare Node (scripts/build-server.mjs), so the
    // proxy's memory is measured without the tsx loader.
    const proxy = await startNode(
      `${name}-proxy`,
      await ensureServer(),
      {
        UCLOUD_PUBLIC_KEY: keys.publicKey,
        UCLOUD_PRIVATE_KEY: keys.privateKey,
        UCLOUD_API_BASE: sandbox.url,
        HOST: '127.0.0.1',
        PORT: String(proxyPort),
        ...proxyEnv,
      },
      (port) => `http://127.0.0.1:${port}/api/health`,
      proxyPort,
      { nodeArgs: proxyNodeArgs },
    )
    return {
      sandbox,
      proxy,
      count,
      async close() {
        await proxy.stop()
        await sandbox.stop()
      },
    }
  } catch (error) {
    await sandbox.stop()
    throw error
  }
}

/**
 * The bundled server `npm start` runs, in sandbox mode with the bench's 10,000 images (seed 42),
 * on a free port: the app the front-end measurements load.
 */
export async function startSandboxApp(name: string, env: Record<string, string>): Promise<Child> {
  const port = await freePort()
  return startNode(
    name,
    await ensureServer(),
    { ...env, PORT: String(port), HOST: '127.0.0.1', SANDBOX_COUNT: '10000', SANDBOX_SEED: '42' },
    (p) => `http://127.0.0.1:${p}/api/health`,
    port,
  )
}
