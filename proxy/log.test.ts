import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, scrubSecrets } from './log'

function capture() {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk))
      cb()
    },
  })
  return { lines, destination }
}

describe('createLogger', () => {
  it('writes one JSON object per line', () => {
    const { lines, destination } = capture()
    createLogger({ destination }).info({ route: '/api/health' }, 'hello')
    const record = JSON.parse(lines[0] ?? '')
    expect(record).toMatchObject({ msg: 'hello', route: '/api/health', app: 'imagedeck' })
  })

  it('redacts keys, signatures and auth headers by name', () => {
    const { lines, destination } = capture()
    createLogger({ destination }).info(
      { privateKey: 'p1', params: { Signature: 's1' }, headers: { authorization: 'Basic x' } },
      'call',
    )
    expect(lines.join('')).not.toMatch(/p1|s1|Basic x/)
  })

  it('scrubs a literal secret from anywhere in the line', () => {
    const { lines, destination } = capture()
    const secret = 'very-secret-private-key-123'
    createLogger({ destination, secrets: [secret] }).error(
      { upstreamMessage: `echo ${secret}` },
      `failed with ${secret}`,
    )
    expect(lines.join('')).not.toContain(secret)
    expect(lines.join('')).toContain('[REDACTED]')
  })
})

describe('scrubSecrets', () => {
  const key = 'k3y/with+special=chars and 中文'

  it('scrubs a secret in every encoded form and any mix of them', () => {
    const forms = [
      key,
      encodeURIComponent(key),
      encodeURIComponent(key).toLowerCase(),
      new URLSearchParams({ k: key }).toString().slice(2),
      JSON.stringify(key).slice(1, -1).replace('/', '\\/'),
      'k3y%2Fwith+special%3dchars and 中文',
      [...key].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    ]
    for (const form of forms) {
      expect(scrubSecrets(`before ${form} after`, [key]), form).toBe('before [REDACTED] after')
    }
  })

  it('leaves short or empty secrets and other text alone', () => {
    expect(scrubSecrets('abc abc', ['abc', '', undefined])).toBe('abc abc')
    expect(scrubSecrets('nothing here', [key])).toBe('nothing here')
  })

  it('scrubs an encoded secret from a log line', () => {
    const { lines, destination } = capture()
    createLogger({ destination, secrets: [key] }).warn({ echo: encodeURIComponent(key) }, 'x')
    expect(lines.join('')).not.toContain(encodeURIComponent(key))
    expect(lines.join('')).toContain('[REDACTED]')
  })
})
