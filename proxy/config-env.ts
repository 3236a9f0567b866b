import { z } from 'zod'

/**
 * The environment's variables as config.ts reads them (design.md §3): each one's type, range and
 * default. loadConfig turns a failure into a ConfigError naming the variable.
 */

const intIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))

const floatIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'must be a number')
    .transform(Number)
    .pipe(z.number().min(min).max(max))

const nonEmpty = z.string().trim().min(1, 'must not be empty')
const httpUrl = z
  .string()
  .trim()
  .url('must be an http(s) URL')
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
const regionLike = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,32}$/, 'must look like cn-wlcb')
const projectLike = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{0,64}$/, 'must look like org-abc123')

/** design.md §3, one entry per variable; everything else in the environment is ignored. */
export const envSchema = z.object({
  UCLOUD_PUBLIC_KEY: nonEmpty.optional(),
  UCLOUD_PRIVATE_KEY: nonEmpty.optional(),
  UCLOUD_PRIVATE_KEY_FILE: nonEmpty.optional(),
  UCLOUD_API_BASE: httpUrl.default('https://api.compshare.cn'),
  UCLOUD_REGION: regionLike.default('cn-wlcb'),
  UCLOUD_ZONE: regionLike.default('cn-wlcb-01'),
  UCLOUD_PROJECT_ID: projectLike.default(''),
  UCLOUD_TIMEOUT_MS: intIn(100, 300_000).default(10_000),
  UCLOUD_MAX_RETRIES: intIn(0, 10).default(2),
  /** Upstream calls per second across the process (token bucket), and its burst. */
  UCLOUD_MAX_RPS: floatIn(0.1, 1000).default(20),
  UCLOUD_RPS_BURST: intIn(1, 1000).default(100),
  /** Pages of the list fetched at once. */
  UCLOUD_CONCURRENCY: intIn(1, 16).default(8),
  HOST: nonEmpty.default('127.0.0.1'),
  PORT: intIn(0, 65535).default(8080),
  IMAGEDECK_AUTH: z
    .string()
    .regex(/^[^:]+:.+$/, 'must be user:password')
    .optional(),
  IMAGEDECK_ALLOWED_HOSTS: z.string().optional(),
  IMAGEDECK_TRUST_PROXY: z.string().optional(),
  IMAGEDECK_CACHE_TTL_S: intIn(0, 86_400).default(15),
  /** On SIGTERM, how long requests in flight may take before they are answered 503. */
  IMAGEDECK_SHUTDOWN_GRACE_S: intIn(0, 600).default(10),
  /** Requests per minute per client on /api; fresh=1 has a tighter share of it. */
  IMAGEDECK_RATE_LIMIT: intIn(1, 100_000).default(600),
  IMAGEDECK_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  SANDBOX_PORT: intIn(0, 65535).default(0),
  SANDBOX_SEED: intIn(0, 2 ** 31).optional(),
  SANDBOX_COUNT: intIn(0, 1_000_000).optional(),
  SANDBOX_FIXTURE: nonEmpty.optional(),
  SANDBOX_LATENCY_MS: intIn(0, 600_000).optional(),
  SANDBOX_FAIL_RATE: floatIn(0, 1).optional(),
  SANDBOX_RETCODE: intIn(0, 1_000_000).optional(),
})
