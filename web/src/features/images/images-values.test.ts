import { describe, expect, it } from 'vitest'
import type { Image } from '@contract/api'
import {
  coverUrl,
  firstMalformed,
  imageTags,
  malformedValue,
  softwares,
  visibilityOf,
} from './images-values'

const image = (fields: Partial<Record<string, unknown>>) => fields as unknown as Image

describe('image value readers', () => {
  it('finds malformed fields by path, including nested ones and falsy raw values', () => {
    const img = image({ Size: null, malformed: { Size: 'big', 'Softwares.CUDAVersion': 0 } })
    expect(malformedValue(img, 'Size')).toEqual({ raw: 'big' })
    expect(malformedValue(img, 'Softwares.CUDAVersion')).toEqual({ raw: 0 })
    expect(malformedValue(img, 'Price')).toBeUndefined()
    expect(malformedValue(image({ malformed: 'nonsense' }), 'Size')).toBeUndefined()
    expect(firstMalformed(img, ['Price', 'Softwares.CUDAVersion'])).toEqual({
      raw: 0,
      path: 'Softwares.CUDAVersion',
    })
  })

  it('reads tags from anything without crashing', () => {
    expect(imageTags(image({ Tags: ['a', 'b', 'a', '', 3, null, { x: 1 }] }))).toEqual([
      'a',
      'b',
      '3',
    ])
    expect(imageTags(image({ Tags: 'a,b' }))).toEqual([])
    expect(imageTags(image({ Tags: null }))).toEqual([])
    expect(imageTags(image({}))).toEqual([])
  })

  it('only accepts http(s) covers', () => {
    expect(coverUrl(image({ Cover: 'https://cdn.example.com/a.png' }))).toBe(
      'https://cdn.example.com/a.png',
    )
    expect(coverUrl(image({ Cover: 'http://x.test/a.png' }))).toBe('http://x.test/a.png')
    expect(coverUrl(image({ Cover: 'javascript:alert(1)' }))).toBeNull()
    expect(coverUrl(image({ Cover: 'data:image/png;base64,AAAA' }))).toBeNull()
    expect(coverUrl(image({ Cover: '/relative.png' }))).toBeNull()
    expect(coverUrl(image({ Cover: 42 }))).toBeNull()
  })

  it('reads software and visibility tolerantly', () => {
    expect(
      softwares(
        image({ Softwares: { Framework: 'PyTorch', FrameworkVersion: 2.4, CUDAVersion: null } }),
      ),
    ).toEqual({
      framework: 'PyTorch',
      version: '2.4',
      cuda: null,
    })
    expect(softwares(image({ Softwares: 'broken' }))).toEqual({
      framework: null,
      version: null,
      cuda: null,
    })
    expect(visibilityOf(image({ Visibility: 1 }))).toBe('public')
    expect(visibilityOf(image({ Visibility: 0 }))).toBe('private')
    expect(visibilityOf(image({ Visibility: 7 }))).toBeNull()
  })
})
