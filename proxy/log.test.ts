import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './log'

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
