import pino, { type DestinationStream, type Logger } from 'pino'

export type { Logger }

/** Keys whose values never reach a log line, wherever they sit in a logged object. */
const REDACT_PATHS = [
  'privateKey',
  'publicKey',
  'PrivateKey',
  'PublicKey',
  'Signature',
  'signature',
  'authorization',
  'Authorization',
  '*.privateKey',
  '*.PrivateKey',
  '*.PublicKey',
  '*.Signature',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
]

export interface LoggerOptions {
  level?: string
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: DestinationStream
  /**
   * Literal secrets (the private key, the Basic auth password) scrubbed from every line as a
   * last line of defence, in case one ever travels inside a message or an upstream error echo.
   * Read at every write, so a secret learnt later (a generated sandbox key) can be pushed in.
   */
  secrets?: string[]
}

/**
 * Replaces every literal occurrence of each secret (4 characters or more, so an empty or tiny
 * value cannot blank out a line) with `[REDACTED]`.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.reduce<string>(
    (out, secret) => (secret && secret.length >= 4 ? out.split(secret).join('[REDACTED]') : out),
    text,
  )
}

/** Structured JSON lines (design.md §3): one object per line, secrets redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets
  const scrub = (line: string): string => scrubSecrets(line, secrets ?? [])
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'imagedeck' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      ...(secrets ? { hooks: { streamWrite: scrub } } : {}),
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  )
}

/** A logger that writes nowhere, for tests that do not read logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' })
}
