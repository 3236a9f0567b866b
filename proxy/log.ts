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
 * A pattern for `secret` in any of the forms an echo can take: each character as itself, as
 * percent-encoded UTF-8 bytes (either hex case; `+` for a space, as forms encode it), or as a
 * JSON `\uXXXX` escape, in any mix. So a hostile upstream that URL-encodes the key, or a log line
 * that JSON-escapes it, still gets `[REDACTED]` (issue 12, item 8).
 */
function secretPattern(secret: string): RegExp {
  const alternatives = [...secret].map((ch) => {
    const forms = [ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')]
    const bytes = [...Buffer.from(ch, 'utf8')]
    forms.push(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))
    if (ch === ' ') forms.push('\\+')
    if (ch === '/') forms.push('\\\\/')
    const units = [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i).toString(16))
    forms.push(units.map((hex) => `\\\\u${hex.padStart(4, '0')}`).join(''))
    return forms.length === 1 ? forms[0]! : `(?:${forms.join('|')})`
  })
  // Case-insensitive for the hex digits; for the letters it only scrubs a little more, never less.
  return new RegExp(alternatives.join(''), 'gi')
}

const patterns = new Map<string, RegExp>()

/**
 * Replaces every occurrence of each secret (4 characters or more, so an empty or tiny value cannot
 * blank out a line), literal or encoded, with `[REDACTED]`.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue
    let pattern = patterns.get(secret)
    if (!pattern) {
      pattern = secretPattern(secret)
      if (patterns.size > 256) patterns.clear()
      patterns.set(secret, pattern)
    }
    pattern.lastIndex = 0
    out = out.replace(pattern, '[REDACTED]')
  }
  return out
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
