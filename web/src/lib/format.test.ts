import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatDateTime,
  formatDuration,
  formatPrice,
  formatRaw,
  formatRelative,
  formatSize,
  toDate,
} from './format'

describe('formatSize', () => {
  it('humanises MB', () => {
    expect(formatSize(512, 'en')).toBe('512 MB')
    expect(formatSize(2048, 'en')).toBe('2 GB')
    expect(formatSize(1536, 'en')).toBe('1.5 GB')
    expect(formatSize(3 * 1024 * 1024, 'en')).toBe('3 TB')
  })
  it('returns null for malformed sizes', () => {
    expect(formatSize(null, 'en')).toBeNull()
    expect(formatSize(Number.NaN, 'en')).toBeNull()
    expect(formatSize(-1, 'en')).toBeNull()
  })
})

describe('times', () => {
  it('reads unix seconds', () => {
    expect(toDate(1_700_000_000)?.toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(toDate(0)).toBeNull()
    expect(toDate(null)).toBeNull()
  })
  it('formats relative time in both languages', () => {
    const now = 1_700_000_000_000
    expect(formatRelative(1_700_000_000 - 3 * 3600, 'en', now)).toBe('3 hours ago')
    expect(formatRelative(1_700_000_000 - 2 * 86400, 'zh-CN', now)).toBe('前天')
    expect(formatRelative(null, 'en', now)).toBeNull()
  })
  it('formats an exact time', () => {
    expect(formatDateTime(1_700_000_000, 'en')).toMatch(/2023/)
    expect(formatDateTime(undefined, 'en')).toBeNull()
  })
  it('formats durations', () => {
    expect(formatDuration(3900, 'en')).toBe('1 hr 5 min')
    expect(formatDuration(42, 'en')).toBe('42 sec')
    expect(formatDuration(-1, 'en')).toBeNull()
  })
})

describe('numbers', () => {
  it('formats prices in yuan', () => {
    expect(formatPrice(9.9, 'zh-CN')).toBe('¥9.90')
    expect(formatPrice(null, 'en')).toBeNull()
  })
  it('formats counts compactly when large', () => {
    expect(formatCount(1234, 'en')).toBe('1,234')
    expect(formatCount(123456, 'en')).toBe('123K')
  })
  it('shows raw malformed values verbatim', () => {
    expect(formatRaw('DQIOscsN')).toBe('"DQIOscsN"')
    expect(formatRaw({ a: 1 })).toBe('{"a":1}')
  })
})
