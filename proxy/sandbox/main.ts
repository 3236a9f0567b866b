/**
 * `npm run sandbox`: the fake CompShare API standalone (design.md §5). The only impure entry of
 * the sandbox: reads the environment, opens the port, handles signals.
 */
import { z } from 'zod'
import { createLogger } from '../log'
import type { FaultSettings } from './faults'
import { startSandbox } from './server'

const optionalInt = (min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional()

const envSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_PUBLIC_KEY: z.string().min(1).optional(),
  SANDBOX_PRIVATE_KEY: z.string().min(1).optional(),
  SANDBOX_SEED: optionalInt(0, 2 ** 32 - 1),
  SANDBOX_COUNT: optionalInt(0, 200_000),
  SANDBOX_FIXTURE: z.string().min(1).optional(),
  SANDBOX_LATENCY_MS: optionalInt(0, 600_000),
  SANDBOX_FAIL_RATE: z.coerce.number().min(0).max(1).optional(),
  SANDBOX_RETCODE: optionalInt(1, 2 ** 31 - 1),
})

/** Empty variables count as unset, as a shell's `VAR=` usually means. */
function readEnv(env: NodeJS.ProcessEnv) {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''))
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    fail(`invalid ${String(issue.path[0])}: ${issue.message}`)
  }
  const e = parsed.data
  if (Boolean(e.SANDBOX_PUBLIC_KEY) !== Boolean(e.SANDBOX_PRIVATE_KEY)) {
    fail('SANDBOX_PUBLIC_KEY and SANDBOX_PRIVATE_KEY must be set together')
  }
  return e
}

function fail(line: string): never {
  process.stderr.write(`sandbox: ${line}\n`)
  process.exit(1)
}

const env = readEnv(process.env)
const faults: FaultSettings = {
  ...(env.SANDBOX_LATENCY_MS !== undefined && { latencyMs: env.SANDBOX_LATENCY_MS }),
  ...(env.SANDBOX_FAIL_RATE !== undefined && { failRate: env.SANDBOX_FAIL_RATE }),
  ...(env.SANDBOX_RETCODE !== undefined && { retCode: env.SANDBOX_RETCODE }),
}
const keys =
  env.SANDBOX_PUBLIC_KEY && env.SANDBOX_PRIVATE_KEY
    ? { publicKey: env.SANDBOX_PUBLIC_KEY, privateKey: env.SANDBOX_PRIVATE_KEY }
    : undefined
// Debug: the standalone sandbox shows each call it answers.
const log = createLogger({ level: 'debug', secrets: keys ? [keys.privateKey] : [] })

const sandbox = await startSandbox({
  host: env.SANDBOX_HOST,
  port: env.SANDBOX_PORT,
  keys,
  seed: env.SANDBOX_SEED,
  count: env.SANDBOX_COUNT,
  fixturePath: env.SANDBOX_FIXTURE,
  faults,
  log,
}).catch((error: Error) => fail(error.message))

const lines = [`CompShare sandbox listening on ${sandbox.url}`]
if (!keys) {
  // The sandbox's own throwaway pair: printed so a proxy or curl can sign against it.
  lines.push(`UCLOUD_PUBLIC_KEY=${sandbox.keys.publicKey}`)
  lines.push(`UCLOUD_PRIVATE_KEY=${sandbox.keys.privateKey}`)
}
lines.push(`UCLOUD_API_BASE=${sandbox.url}`)
lines.push(`control: ${sandbox.url}/__sandbox/faults (loopback only)`)
process.stdout.write(`${lines.join('\n')}\n`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0))
  })
}
