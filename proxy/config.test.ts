import { describe, expect, it } from 'vitest'
import { ConfigError, isLoopbackHost, loadConfig } from './config'

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
  it('defaults to sandbox mode on loopback with design.md §3 defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      mode: 'sandbox',
      apiBase: 'https://api.compshare.cn',
      defaults: { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' },
      host: '127.0.0.1',
      port: 8080,
      cacheTtlMs: 15_000,
      timeoutMs: 10_000,
      maxRetries: 2,
      allowedHosts: ['127.0.0.1', 'localhost'],
    })
    expect(config.keys).toBeUndefined()
  })

  it('goes live with a key pair', () => {
    const config = loadConfig({ UCLOUD_PUBLIC_KEY: 'pub', UCLOUD_PRIVATE_KEY: 'priv' })
    expect(config.mode).toBe('live')
    expect(config.keys).toEqual({ publicKey: 'pub', privateKey: 'priv' })
  })

  it('reads the private key from a file', () => {
    const config = loadConfig(
      { UCLOUD_PUBLIC_KEY: 'pub', UCLOUD_PRIVATE_KEY_FILE: '/run/secrets/k' },
      (path) => (path === '/run/secrets/k' ? 'from-file\n' : ''),
    )
    expect(config.keys?.privateKey).toBe('from-file')
  })

  it('names the variable when one key comes without the other', () => {
    expect(errorOf(() => loadConfig({ UCLOUD_PUBLIC_KEY: 'pub' })).variable).toBe(
      'UCLOUD_PRIVATE_KEY',
    )
    expect(errorOf(() => loadConfig({ UCLOUD_PRIVATE_KEY: 'priv' })).variable).toBe(
      'UCLOUD_PUBLIC_KEY',
    )
  })

  it('names the variable for an unreadable key file without echoing anything secret', () => {
    const error = errorOf(() =>
      loadConfig({ UCLOUD_PUBLIC_KEY: 'pub', UCLOUD_PRIVATE_KEY_FILE: '/nope' }, () => {
        throw Object.assign(new Error('x'), { code: 'ENOENT' })
      }),
    )
    expect(error.message).toBe('UCLOUD_PRIVATE_KEY_FILE: cannot read the file (ENOENT)')
  })

  it.each([
    ['PORT', 'eighty', 'PORT'],
    ['PORT', '70000', 'PORT'],
    ['UCLOUD_API_BASE', 'ftp://x', 'UCLOUD_API_BASE'],
    ['UCLOUD_API_BASE', 'not a url', 'UCLOUD_API_BASE'],
    ['IMAGEDECK_CACHE_TTL_S', '-1', 'IMAGEDECK_CACHE_TTL_S'],
    ['UCLOUD_TIMEOUT_MS', '5', 'UCLOUD_TIMEOUT_MS'],
    ['UCLOUD_REGION', 'CN WLCB', 'UCLOUD_REGION'],
    ['IMAGEDECK_AUTH', 'nopassword', 'IMAGEDECK_AUTH'],
  ])('rejects %s=%s with one line naming it', (name, value, variable) => {
    const error = errorOf(() => loadConfig({ [name]: value }))
    expect(error.variable).toBe(variable)
    expect(error.message.startsWith(`${variable}: `)).toBe(true)
    expect(error.message).not.toContain('\n')
  })

  it('refuses a non-loopback HOST without IMAGEDECK_AUTH', () => {
    expect(errorOf(() => loadConfig({ HOST: '0.0.0.0' })).variable).toBe('IMAGEDECK_AUTH')
    const config = loadConfig({ HOST: '0.0.0.0', IMAGEDECK_AUTH: 'team:s3cret:with:colons' })
    expect(config.auth).toEqual({ user: 'team', password: 's3cret:with:colons' })
  })

  it('refuses a password under 12 characters on a non-loopback HOST, naming IMAGEDECK_AUTH', () => {
    for (const auth of ['team:x', 'team:elevenchars', 'team:短密码短密码短密码短密']) {
      const error = errorOf(() => loadConfig({ HOST: '0.0.0.0', IMAGEDECK_AUTH: auth }))
      expect(error.variable).toBe('IMAGEDECK_AUTH')
      expect(error.message).toMatch(/^IMAGEDECK_AUTH: the password must be at least 12 characters/)
    }
    expect(
      loadConfig({ HOST: '0.0.0.0', IMAGEDECK_AUTH: 'team:twelve-chars' }).auth?.password,
    ).toBe('twelve-chars')
    // On loopback only this machine can guess, so a short password stays allowed.
    expect(loadConfig({ IMAGEDECK_AUTH: 'team:x' }).auth?.password).toBe('x')
  })

  it('reads IMAGEDECK_TRUST_PROXY as addresses and CIDRs, refusing anything else', () => {
    expect(loadConfig({}).trustProxy).toEqual([])
    expect(
      loadConfig({ IMAGEDECK_TRUST_PROXY: ' 10.0.0.1, 172.16.0.0/12 ,::1, fd00::/8' }).trustProxy,
    ).toEqual(['10.0.0.1', '172.16.0.0/12', '::1', 'fd00::/8'])
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/8', '::1/129', '10.0.0/8']) {
      const error = errorOf(() => loadConfig({ IMAGEDECK_TRUST_PROXY: bad }))
      expect(error.variable, bad).toBe('IMAGEDECK_TRUST_PROXY')
    }
  })

  it('takes allowed hosts from the variable', () => {
    expect(
      loadConfig({ IMAGEDECK_ALLOWED_HOSTS: 'Deck.example.com, localhost' }).allowedHosts,
    ).toEqual(['deck.example.com', 'localhost'])
  })

  it('treats empty variables as unset', () => {
    expect(loadConfig({ UCLOUD_PUBLIC_KEY: '', UCLOUD_PRIVATE_KEY: '', PORT: '' }).mode).toBe(
      'sandbox',
    )
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['192.168.1.4', false],
    ['example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})
