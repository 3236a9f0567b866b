import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { envSchema } from './config-env'

/** Thrown for a bad environment: `message` is one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable}: ${detail}`)
    this.name = 'ConfigError'
  }
}

export interface Config {
  mode: 'sandbox' | 'live'
  /** Absent in sandbox mode: the in-process sandbox makes its own pair. */
  keys?: { publicKey: string; privateKey: string }
  apiBase: string
  defaults: { region: string; zone: string; project: string }
  timeoutMs: number
  maxRetries: number
  maxRequestsPerSecond: number
  burst: number
  concurrency: number
  host: string
  port: number
  auth?: { user: string; password: string }
  allowedHosts: string[]
  /** Addresses and CIDRs of the reverse proxies in front (design.md §3); empty: none trusted. */
  trustProxy: string[]
  cacheTtlMs: number
  shutdownGraceMs: number
  rateLimitPerMinute: number
  logLevel: string
  sandbox: {
    port: number
    seed?: number
    count?: number
    fixturePath?: string
    latencyMs?: number
    failRate?: number
    retCode?: number
  }
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '')
  if (bare === 'localhost') return true
  if (isIP(bare) === 4) return bare.startsWith('127.')
  if (isIP(bare) === 6) return bare === '::1'
  return false
}

type Env = Record<string, string | undefined>

const MIN_NETWORK_PASSWORD = 12

/** `10.0.0.1, 192.168.0.0/16, ::1` → its entries; one that is not an address or CIDR is an error. */
function parseTrustProxy(value: string): string[] {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/')
    const family = isIP(address)
    const max = family === 6 ? 128 : 32
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max)
    if (!family || !prefixOk || rest.length > 0) {
      throw new ConfigError(
        'IMAGEDECK_TRUST_PROXY',
        `"${entry.slice(0, 60)}" is not an IP address or CIDR (e.g. 10.0.0.1, 172.16.0.0/12, ::1)`,
      )
    }
  }
  return entries
}

/** Parses design.md §3's variables once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env, readFile: (path: string) => string = readText): Config {
  // An empty variable counts as unset, as shells make it easy to export FOO= by accident.
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  )
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid')
  }
  const e = parsed.data

  if (e.UCLOUD_PRIVATE_KEY && e.UCLOUD_PRIVATE_KEY_FILE) {
    throw new ConfigError(
      'UCLOUD_PRIVATE_KEY_FILE',
      'set either it or UCLOUD_PRIVATE_KEY, not both',
    )
  }
  let privateKey = e.UCLOUD_PRIVATE_KEY
  if (e.UCLOUD_PRIVATE_KEY_FILE) {
    try {
      privateKey = readFile(e.UCLOUD_PRIVATE_KEY_FILE).trim()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
      throw new ConfigError('UCLOUD_PRIVATE_KEY_FILE', `cannot read the file (${code})`)
    }
    if (!privateKey) throw new ConfigError('UCLOUD_PRIVATE_KEY_FILE', 'the file is empty')
  }
  if (e.UCLOUD_PUBLIC_KEY && !privateKey) {
    throw new ConfigError('UCLOUD_PRIVATE_KEY', 'missing: UCLOUD_PUBLIC_KEY is set without it')
  }
  if (privateKey && !e.UCLOUD_PUBLIC_KEY) {
    throw new ConfigError('UCLOUD_PUBLIC_KEY', 'missing: a private key is set without it')
  }

  if (!isLoopbackHost(e.HOST) && !e.IMAGEDECK_AUTH) {
    throw new ConfigError(
      'IMAGEDECK_AUTH',
      `required when HOST (${e.HOST}) is not a loopback address: set user:password`,
    )
  }
  const separator = e.IMAGEDECK_AUTH?.indexOf(':') ?? -1
  const password = e.IMAGEDECK_AUTH?.slice(separator + 1) ?? ''
  // design.md §4: reachable from the network, a short password falls to guessing in minutes.
  if (!isLoopbackHost(e.HOST) && [...password].length < MIN_NETWORK_PASSWORD) {
    throw new ConfigError(
      'IMAGEDECK_AUTH',
      `the password must be at least ${MIN_NETWORK_PASSWORD} characters when HOST (${e.HOST}) is not a loopback address`,
    )
  }
  const trustProxy = parseTrustProxy(e.IMAGEDECK_TRUST_PROXY ?? '')

  const allowedHosts = e.IMAGEDECK_ALLOWED_HOSTS
    ? e.IMAGEDECK_ALLOWED_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean)
    : [...new Set([e.HOST.toLowerCase(), 'localhost', '127.0.0.1'])]
  if (allowedHosts.length === 0) {
    throw new ConfigError('IMAGEDECK_ALLOWED_HOSTS', 'must list at least one host name')
  }

  return {
    mode: privateKey ? 'live' : 'sandbox',
    keys: privateKey ? { publicKey: e.UCLOUD_PUBLIC_KEY!, privateKey } : undefined,
    apiBase: e.UCLOUD_API_BASE,
    defaults: { region: e.UCLOUD_REGION, zone: e.UCLOUD_ZONE, project: e.UCLOUD_PROJECT_ID },
    timeoutMs: e.UCLOUD_TIMEOUT_MS,
    maxRetries: e.UCLOUD_MAX_RETRIES,
    maxRequestsPerSecond: e.UCLOUD_MAX_RPS,
    burst: e.UCLOUD_RPS_BURST,
    concurrency: e.UCLOUD_CONCURRENCY,
    host: e.HOST,
    port: e.PORT,
    auth:
      e.IMAGEDECK_AUTH && separator > 0
        ? {
            user: e.IMAGEDECK_AUTH.slice(0, separator),
            password: e.IMAGEDECK_AUTH.slice(separator + 1),
          }
        : undefined,
    allowedHosts,
    trustProxy,
    cacheTtlMs: e.IMAGEDECK_CACHE_TTL_S * 1000,
    shutdownGraceMs: e.IMAGEDECK_SHUTDOWN_GRACE_S * 1000,
    rateLimitPerMinute: e.IMAGEDECK_RATE_LIMIT,
    logLevel: e.IMAGEDECK_LOG_LEVEL,
    sandbox: {
      port: e.SANDBOX_PORT,
      seed: e.SANDBOX_SEED,
      count: e.SANDBOX_COUNT,
      fixturePath: e.SANDBOX_FIXTURE,
      latencyMs: e.SANDBOX_LATENCY_MS,
      failRate: e.SANDBOX_FAIL_RATE,
      retCode: e.SANDBOX_RETCODE,
    },
  }
}

function readText(path: string): string {
  return readFileSync(path, 'utf8')
}
