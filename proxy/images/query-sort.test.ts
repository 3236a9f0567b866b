import { describe, expect, it } from 'vitest'
import { buildIndex, filterImages, queryImages, type ListQuery } from './query'
import { catalog, page, run } from './query-fixtures'
import { makeImage } from './test-images'

describe('queryImages: sorting', () => {
  const numbers = [5, null, 1, 10, 1, null].map((Size, i) => makeImage({ Name: `n${i}`, Size }))

  it('sorts numbers both ways with nulls last and ties in list order', () => {
    expect(run(numbers, { sort: 'Size', order: 'asc' }).names).toEqual([
      'n2',
      'n4',
      'n0',
      'n3',
      'n1',
      'n5',
    ])
    expect(run(numbers, { sort: 'Size', order: 'desc' }).names).toEqual([
      'n3',
      'n0',
      'n2',
      'n4',
      'n1',
      'n5',
    ])
  })

  it('sorts version-like strings numerically and Chinese by pinyin', () => {
    const ordered = (sort: ListQuery['sort'], order: ListQuery['order']) =>
      run(catalog, { sort, order }).items.map((i) => i.Softwares?.CUDAVersion ?? null)
    expect(ordered('CUDAVersion', 'asc')).toEqual(['12.1', '12.4', '12.10', null])
    expect(ordered('CUDAVersion', 'desc')).toEqual(['12.10', '12.4', '12.1', null])
    const chinese = ['中文', '北京', '阿里', 'Zeta', '', 'alpha'].map((Name) => makeImage({ Name }))
    // zh-CN collation: Han in pinyin order (a, bei, zhong), then Latin, case-insensitively.
    expect(run(chinese, { sort: 'Name', order: 'asc' }).names).toEqual([
      '阿里',
      '北京',
      '中文',
      'alpha',
      'Zeta',
      '',
    ])
    expect(run(chinese, { sort: 'Name', order: 'desc' }).names).toEqual([
      'Zeta',
      'alpha',
      '中文',
      '北京',
      '阿里',
      '',
    ])
  })

  it('sorts by Framework from Softwares', () => {
    expect(run(catalog, { sort: 'Framework', order: 'asc' }).names).toEqual([
      'ComfyUI 工作流',
      'PyTorch 2.1 训练镜像',
      'vLLM server',
      'Bare',
    ])
  })

  it('keeps list order among equal values, in both orders', () => {
    const images = ['b', 'a', 'b', 'a', 'b'].map((Status, i) =>
      makeImage({ Name: `s${i}`, Status }),
    )
    expect(run(images, { sort: 'Status', order: 'asc' }).names).toEqual([
      's1',
      's3',
      's0',
      's2',
      's4',
    ])
    expect(run(images, { sort: 'Status', order: 'desc' }).names).toEqual([
      's0',
      's2',
      's4',
      's1',
      's3',
    ])
  })

  it('defaults to CreateTime, newest first, and order to desc', () => {
    expect(run(catalog, {}).names).toEqual([
      'PyTorch 2.1 训练镜像',
      'vLLM server',
      'ComfyUI 工作流',
      'Bare',
    ])
    expect(run(numbers, { sort: 'Size' }).names[0]).toBe('n3')
  })

  it('rejects an unknown sort field or order', () => {
    const index = buildIndex(catalog)
    expect(() => queryImages(index, { ...page, sort: 'Nope' as never })).toThrow(RangeError)
    expect(() => filterImages(index, { order: 'up' as never })).toThrow(RangeError)
  })
})

describe('queryImages: paging', () => {
  const many = Array.from({ length: 25 }, (_, i) => makeImage({ Name: `p${i}`, CreateTime: i }))

  it('returns the requested slice and the full total', () => {
    const result = run(many, { sort: 'CreateTime', order: 'asc', offset: 20, limit: 10 })
    expect(result.total).toBe(25)
    expect(result.names).toEqual(['p20', 'p21', 'p22', 'p23', 'p24'])
  })

  it('returns no items but the right total past the end, for limit 0, and for nonsense', () => {
    expect(run(many, { offset: 25, limit: 10 })).toMatchObject({ items: [], total: 25 })
    expect(run(many, { offset: 1e9, limit: 10 })).toMatchObject({ items: [], total: 25 })
    expect(run(many, { offset: 0, limit: 0 })).toMatchObject({ items: [], total: 25 })
    expect(run(many, { offset: -5, limit: 2 }).names).toEqual(['p24', 'p23'])
    expect(run(many, { offset: Number.NaN, limit: 2.9 }).names).toEqual(['p24', 'p23'])
  })

  it('handles an empty list', () => {
    const result = run([], { q: 'x', sort: 'Name' })
    expect(result).toMatchObject({ items: [], total: 0 })
    expect({ ...result.facets.status }).toEqual({})
  })
})
