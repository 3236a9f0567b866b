import { describe, expect, it } from 'vitest'
import { canonicalString, flattenParams, formatScalar, signature, signParams } from './sign'

// design.md §2: UCloud's public vectors.
const PUBLIC_KEY = 'ucloudsomeone@example.com1296235120854146120'
const PRIVATE_KEY = '46f09bb9fab4f12dfc160dae12273d5332b5debe'

describe('formatScalar', () => {
  it('prints booleans as true/false', () => {
    expect(formatScalar(true)).toBe('true')
    expect(formatScalar(false)).toBe('false')
  })
  it('prints a float with zero fraction as an integer', () => {
    expect(formatScalar(42.0)).toBe('42')
    expect(formatScalar(1.5)).toBe('1.5')
  })
  it('never uses scientific notation', () => {
    expect(formatScalar(1e21)).toBe('1000000000000000000000')
    expect(formatScalar(1e-7)).toBe('0.0000001')
    expect(formatScalar(123456789012)).toBe('123456789012')
  })
  it('prints the shortest round-trip decimal, losing no digit at either end', () => {
    expect(formatScalar(5e-324)).toBe(`0.${'0'.repeat(323)}5`)
    expect(formatScalar(1.2345678e-10)).toBe('0.00000000012345678')
    expect(formatScalar(-1e-7)).toBe('-0.0000001')
    expect(formatScalar(0.1 + 0.2)).toBe('0.30000000000000004')
    expect(formatScalar(2 ** 70)).toBe('1180591620717411300000')
    expect(formatScalar(Number.MAX_VALUE)).toBe(`17976931348623157${'0'.repeat(292)}`)
    expect(formatScalar(-0)).toBe('0')
    // A spread of magnitudes: never an exponent, always the same number back, never more
    // significant digits than the shortest form.
    for (let e = -324; e <= 308; e += 7) {
      for (const m of [1, 1.5, 2.2250738585072014, 9.999999999999998]) {
        const x = m * 10 ** e
        if (!Number.isFinite(x) || x === 0) continue
        const text = formatScalar(x)
        expect(text, String(x)).toMatch(/^-?\d+(\.\d+)?$/)
        expect(Number(text), String(x)).toBe(x)
        const significant = text
          .replace(/^[-0.]+/, '')
          .replace('.', '')
          .replace(/0+$/, '')
        const shortest = String(x)
          .replace(/e.*$/, '')
          .replace(/^[-0.]+/, '')
          .replace('.', '')
        expect(significant.length, String(x)).toBeLessThanOrEqual(
          shortest.replace(/0+$/, '').length,
        )
      }
    }
  })
  it('refuses non-finite numbers', () => {
    expect(() => formatScalar(Number.NaN)).toThrow(TypeError)
  })
})

describe('flattenParams', () => {
  it('flattens arrays and objects', () => {
    expect(
      flattenParams({
        Tags: ['a', 'b'],
        Softwares: { Framework: 'PyTorch', Applications: ['Jupyter'] },
      }),
    ).toEqual({
      'Tags.0': 'a',
      'Tags.1': 'b',
      'Softwares.Framework': 'PyTorch',
      'Softwares.Applications.0': 'Jupyter',
    })
  })
  it('drops null, undefined and empty strings but keeps 0 and false', () => {
    expect(flattenParams({ A: null, B: undefined, C: '', D: 0, E: false })).toEqual({
      D: '0',
      E: 'false',
    })
  })
})

describe('canonicalString', () => {
  it('sorts keys by code unit, case-sensitively', () => {
    expect(canonicalString({ ChargeType: 'Month', CPU: '2' })).toBe('CPU2ChargeTypeMonth')
  })
  it('sorts array indexes as strings', () => {
    const flat = flattenParams({ Backends: Array.from({ length: 11 }, (_, i) => `b${i}`) })
    expect(
      canonicalString(flat).startsWith('Backends.0b0Backends.1b1Backends.10b10Backends.2b2'),
    ).toBe(true)
  })
  it('does not URL-encode values', () => {
    expect(canonicalString({ Name: 'a b&c=中文' })).toBe('Namea b&c=中文')
  })
})

describe('signature', () => {
  it('matches the DescribeUHostInstance vector', () => {
    const flat = flattenParams({
      Action: 'DescribeUHostInstance',
      Region: 'cn-bj2',
      Limit: 10,
      PublicKey: PUBLIC_KEY,
    })
    expect(canonicalString(flat)).toBe(
      `ActionDescribeUHostInstanceLimit10PublicKey${PUBLIC_KEY}Regioncn-bj2`,
    )
    expect(signature(flat, PRIVATE_KEY)).toBe('cba5cf5ec4d4233d206b1b54951e3787350a642f')
  })

  it('matches the CreateUHostInstance vector', () => {
    const signed = signParams(
      {
        Action: 'CreateUHostInstance',
        CPU: 2,
        ChargeType: 'Month',
        DiskSpace: 10,
        ImageId: 'f43736e1-65a5-4bea-ad2e-8a46e18883c2',
        LoginMode: 'Password',
        Memory: 2048,
        Name: 'Host01',
        Password: 'VUNsb3VkLmNu',
        Quantity: 1,
        Region: 'cn-bj2',
        Zone: 'cn-bj2-04',
      },
      { publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
    )
    expect(signed.Signature).toBe('4f9ef5df2abab2c6fccd1e9515cb7e2df8c6bb65')
    expect(signed.PublicKey).toBe(PUBLIC_KEY)
  })

  it('hashes UTF-8 bytes of non-ASCII values', () => {
    // sha1 of the UTF-8 bytes of "Name镜像k", computed with an independent tool.
    expect(signature({ Name: '镜像' }, 'k')).toBe('b12748101462d43eb03fa94490c5a3c836c03488')
  })

  it('ignores a Signature already present in the params', () => {
    const keys = { publicKey: 'pk', privateKey: 'sk' }
    expect(signParams({ Action: 'X', Signature: 'forged' }, keys).Signature).toBe(
      signParams({ Action: 'X' }, keys).Signature,
    )
  })
})
