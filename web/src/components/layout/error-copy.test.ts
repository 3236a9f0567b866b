import { beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { i18n } from '@/i18n/i18n'
import { errorCopy, isUnknownProjectError, type ErrorDetail } from './error-copy'

/** Every code design.md §4 names, plus the client's own two, as the proxy (or apiFetch) sends it. */
const CASES: [name: string, error: ApiError][] = [
  [
    'BAD_REQUEST',
    new ApiError({ status: 400, code: 'BAD_REQUEST', message: 'sort: expected one of Name, Size' }),
  ],
  ['UNAUTHORIZED', new ApiError({ status: 401, code: 'UNAUTHORIZED', message: 'Unauthorized' })],
  [
    'FORBIDDEN_HOST',
    new ApiError({ status: 403, code: 'FORBIDDEN_HOST', message: 'Host not allowed' }),
  ],
  ['NOT_FOUND', new ApiError({ status: 404, code: 'NOT_FOUND', message: 'No such API route' })],
  [
    'UPSTREAM_ERROR 171',
    new ApiError({
      status: 502,
      code: 'UPSTREAM_ERROR',
      message: 'Signature VerifyAC Error',
      retCode: 171,
      upstreamStatus: 200,
      requestId: 'b3f1c2d4-0000-4000-8000-000000000001',
    }),
  ],
  [
    'UPSTREAM_UNAVAILABLE (HTTP 502 upstream)',
    new ApiError({
      status: 503,
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'The CompShare API answered HTTP 502 Bad Gateway',
      upstreamStatus: 502,
    }),
  ],
  [
    'UPSTREAM_UNAVAILABLE (reset)',
    new ApiError({
      status: 503,
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'The CompShare API request failed: fetch failed (ECONNRESET)',
    }),
  ],
  [
    'UPSTREAM_UNAVAILABLE (bad body)',
    new ApiError({
      status: 503,
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'The CompShare API returned an invalid response: body is not valid JSON',
      upstreamStatus: 200,
    }),
  ],
  [
    'UPSTREAM_TIMEOUT',
    new ApiError({
      status: 504,
      code: 'UPSTREAM_TIMEOUT',
      message: 'The CompShare API did not answer in time',
    }),
  ],
  ['NETWORK', new ApiError({ status: 0, code: 'NETWORK', message: 'TypeError: Failed to fetch' })],
  [
    'BAD_RESPONSE',
    new ApiError({ status: 502, code: 'BAD_RESPONSE', message: 'HTTP 502 Bad Gateway' }),
  ],
]

const tEn = () => i18n.getFixedT('en', 'errors')
const tZh = () => i18n.getFixedT('zh-CN', 'errors')

/** The details as `label: value` lines, in a language. */
function detailLines(details: ErrorDetail[], lng: 'en' | 'zh-CN'): string[] {
  const t = i18n.getFixedT(lng, 'errors')
  return details.map(
    (row) => `${t(row.labelKey)}: ${'valueKey' in row ? t(row.valueKey, row.values) : row.value}`,
  )
}

beforeAll(async () => {
  await i18n.changeLanguage('en')
})

describe('errorCopy', () => {
  it.each(CASES)(
    '%s: a headline of its own in both languages, with no status in it',
    (_, error) => {
      const copy = errorCopy(error)
      const en = tEn()(copy.headline)
      const zh = tZh()(copy.headline)
      // Its own sentence: not a missing key, not the generic fallback.
      expect(en).not.toMatch(/^headline\.|Could not load this view/)
      expect(zh).toMatch(/[\u4e00-\u9fff]/)
      expect(zh).not.toBe('无法加载此视图')
      // A status lives in the details under whoever answered with it, never in the headline.
      expect(`${en} ${zh}`).not.toMatch(/\d{3}/)
    },
  )

  it('tells the proxy’s 503 from the API’s 502, each labelled (the issue’s own example)', () => {
    const [, error] = CASES.find(([name]) => name.startsWith('UPSTREAM_UNAVAILABLE (HTTP'))!
    const copy = errorCopy(error)
    expect(tEn()(copy.headline)).toBe('The CompShare API is unavailable')
    expect(copy.source).toBe('server')
    expect(copy.message).toBe('The CompShare API answered HTTP 502 Bad Gateway')
    expect(detailLines(copy.details, 'en')).toEqual([
      'Code: UPSTREAM_UNAVAILABLE',
      'ImageDeck server: HTTP 503',
      'CompShare API: HTTP 502',
    ])
    // The hint agrees too: CompShare answered, so it is not "could not be reached".
    expect(tEn()(copy.hint)).toBe('CompShare is having trouble answering. Try again in a moment.')
    expect(detailLines(copy.details, 'zh-CN')).toEqual([
      '错误码: UPSTREAM_UNAVAILABLE',
      'ImageDeck 服务器: HTTP 503',
      '优云智算 API: HTTP 502',
    ])
  })

  it('a RetCode: the headline per RetCode, the API’s message verbatim as CompShare’s, RetCode and request id apart', () => {
    const [, error] = CASES.find(([name]) => name === 'UPSTREAM_ERROR 171')!
    const copy = errorCopy(error)
    expect(tEn()(copy.headline)).toBe("CompShare rejected the key pair's signature")
    expect(tZh()(copy.headline)).toBe('优云智算拒绝了密钥签名')
    expect([copy.source, copy.message]).toEqual(['compshare', 'Signature VerifyAC Error'])
    expect(tZh()(`from.${copy.source}`)).toBe('优云智算返回的消息')
    expect(detailLines(copy.details, 'en')).toEqual([
      'Code: UPSTREAM_ERROR',
      'ImageDeck server: HTTP 502',
      'CompShare API: HTTP 200',
      'RetCode: 171',
      'Request ID: b3f1c2d4-0000-4000-8000-000000000001',
    ])
    expect(tEn()(copy.hint)).toMatch(/UCLOUD_PRIVATE_KEY/)
  })

  it('a RetCode without a sentence of its own falls back to the code’s headline and hint', () => {
    const copy = errorCopy(
      new ApiError({ status: 502, code: 'UPSTREAM_ERROR', message: '某个中文错误', retCode: 8888 }),
    )
    expect(tEn()(copy.headline)).toBe('CompShare answered with an error')
    expect(tZh()(copy.headline)).toBe('优云智算 API 返回了错误')
    expect(copy.message).toBe('某个中文错误')
    expect(i18n.getFixedT('en', 'errors')(copy.hint)).toBe(
      'The CompShare API refused the request. Check the key pair, project and zone.',
    )
  })

  it('names who never answered: a timeout, a reset, a server the browser could not reach', () => {
    const lines = (name: string) =>
      detailLines(errorCopy(CASES.find(([n]) => n === name)![1]).details, 'en')
    expect(lines('UPSTREAM_TIMEOUT')).toContain('CompShare API: no answer in time')
    expect(lines('UPSTREAM_UNAVAILABLE (reset)')).toContain('CompShare API: not reached')
    expect(lines('NETWORK')).toEqual(['Code: NETWORK', 'ImageDeck server: not reached'])
    // Errors the proxy raised itself have no CompShare side.
    expect(lines('BAD_REQUEST')).toEqual(['Code: BAD_REQUEST', 'ImageDeck server: HTTP 400'])
  })

  it('an error that is not the proxy’s: "Something went wrong" with its message', () => {
    const copy = errorCopy(new Error('boom'))
    expect(tEn()(copy.headline)).toBe('Something went wrong')
    expect(copy.message).toBe('boom')
    expect(copy.details).toEqual([])
  })
})

describe('isUnknownProjectError', () => {
  it('is RetCode 292, or a parameter error naming ProjectId; nothing else', () => {
    const upstream = (retCode: number, message: string) =>
      new ApiError({ status: 502, code: 'UPSTREAM_ERROR', message, retCode })
    expect(isUnknownProjectError(upstream(292, 'Project not found'))).toBe(true)
    expect(isUnknownProjectError(upstream(230, 'Params [ProjectId] not available'))).toBe(true)
    expect(isUnknownProjectError(upstream(230, 'Params [Zone] not available'))).toBe(false)
    expect(isUnknownProjectError(upstream(171, 'Signature VerifyAC Error'))).toBe(false)
    expect(
      isUnknownProjectError(new ApiError({ status: 404, code: 'NOT_FOUND', message: 'project' })),
    ).toBe(false)
    expect(isUnknownProjectError(new Error('Project not found'))).toBe(false)
  })
})
