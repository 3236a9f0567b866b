import { screen } from '@testing-library/react'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/test/render'
import { ImagesSearchBox } from './images-search-box'

/**
 * jsdom has no matchMedia. use-media-query.ts keeps one MediaQueryList per query for good, so the
 * stub's `matches` reads the viewport the current test sets.
 */
let phoneViewport = false
vi.stubGlobal('matchMedia', (query: string): Partial<MediaQueryList> => ({
  get matches() {
    return phoneViewport
  },
  media: query,
  addEventListener: () => {},
  removeEventListener: () => {},
}))
afterAll(() => vi.unstubAllGlobals())

describe('ImagesSearchBox placeholder', () => {
  it.each([
    ['en', false, 'Name, ID, tag, failure reason…'],
    ['en', true, 'Name, ID, tag, reason…'],
    ['zh-CN', false, '搜索名称、ID、标签、失败原因…'],
    ['zh-CN', true, '名称、ID、标签、失败原因…'],
  ])('%s, phone %s: "%s"', async (language, phone, placeholder) => {
    phoneViewport = phone
    await renderWithProviders(<ImagesSearchBox value="" onChange={() => {}} />, { language })
    expect(screen.getByRole('searchbox').getAttribute('placeholder')).toBe(placeholder)
  })
})
