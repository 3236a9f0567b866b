import { describe, expect, it } from 'vitest'
import type { Image } from '../contract/api'
import { createRowPreparer } from './list-rows'
import { buildIndex, queryImages, type ListQuery } from './query'
import { makeImage, randomImages, seededRandom } from './test-images'

const decoded = (fields: Partial<Image>) =>
  makeImage({
    Name: ['Py', 'Torch'].join(''), // a fresh string each time, as JSON.parse makes them
    Tags: ['LLM', '推理'],
    Softwares: {
      Framework: 'vLLM',
      FrameworkVersion: '0.4',
      CUDAVersion: '12.1',
      Applications: [],
    },
    Owner: { AccountId: '42', AccountName: 'org' },
    ...fields,
  })

describe('createRowPreparer', () => {
  it('shares equal values across the pages of a load and drops Readme', () => {
    const rows = createRowPreparer()
    const [a] = rows.page([decoded({ CompShareImageId: 'a', Readme: '# long' } as Partial<Image>)])
    const [b] = rows.page([decoded({ CompShareImageId: 'b' })])
    expect(a).not.toHaveProperty('Readme')
    expect(a!.Tags).toBe(b!.Tags)
    expect(a!.Softwares).toBe(b!.Softwares)
    expect(a!.Owner).toBe(b!.Owner)
    expect(Object.isFrozen(a!.Tags)).toBe(true)
    expect(b).toEqual(decoded({ CompShareImageId: 'b' }))
  })

  it('prepares at the end the rows a load did not pass through page()', () => {
    const rows = createRowPreparer()
    const [seen] = rows.page([decoded({ CompShareImageId: 'a' })])
    const late = decoded({ CompShareImageId: 'b', Readme: 'x' } as Partial<Image>)
    const list = rows.finish([seen!, late])
    expect(list[0]).toBe(seen)
    expect(list[1]).not.toHaveProperty('Readme')
    expect(list[1]!.Tags).toBe(seen!.Tags)
  })

  it('an index from pages that arrived out of order answers as one built from the final list', () => {
    const final = randomImages(1500, 3)
    const copy = (image: Image) => structuredClone(image)
    const pages: Image[][] = []
    for (let at = 0; at < final.length; at += 100) pages.push(final.slice(at, at + 100).map(copy))
    // A moving list: rows seen twice, the second copy dropped by dedupe, with text only it holds.
    const ghosts = final.slice(0, 50).map((image) => ({ ...copy(image), Name: 'ghostword' }))
    const random = seededRandom(5)
    const arrival = [...pages.keys(), -1].sort(() => random() - 0.5)
    const rows = createRowPreparer()
    const prepared: Image[][] = []
    for (const k of arrival) {
      if (k === -1) rows.page(ghosts)
      else prepared[k] = rows.page(pages[k]!)
    }
    const incremental = buildIndex(rows.finish(prepared.flat()), rows.searchText)
    const whole = buildIndex(final)

    const queries: ListQuery[] = []
    for (const q of [undefined, 'pytorch', '镜像 学习', 'ｇｐｕ', 'cs-1', 'ghostword', 'v2', '张'])
      for (const tag of [undefined, ['LLM'], ['推理', 'SD']])
        queries.push({ q, tag, sort: 'Name', order: 'asc', offset: 0, limit: 40 })
    for (const query of queries) {
      const a = queryImages(incremental, query)
      const b = queryImages(whole, query)
      const context = JSON.stringify(query)
      expect(a.total, context).toBe(b.total)
      expect(a.items, context).toEqual(b.items)
      expect(a.facets, context).toEqual(b.facets)
    }
    expect(queryImages(incremental, { q: 'ghostword', offset: 0, limit: 1 }).total).toBe(0)
  })

  it('a lone surrogate in a later page keeps the search text a string, and searching works', () => {
    const rows = createRowPreparer()
    const first = rows.page([makeImage({ CompShareImageId: 'a', Name: 'PyTorch 镜像' })])
    const later = rows.page([makeImage({ CompShareImageId: 'b', Name: 'broken \uD800 name' })])
    const index = buildIndex(rows.finish([...first, ...later]), rows.searchText)
    expect(typeof index.text.haystack).toBe('string')
    const ids = (q: string) =>
      queryImages(index, { q, offset: 0, limit: 10 }).items.map((i) => i.CompShareImageId)
    expect(ids('pytorch')).toEqual(['a'])
    expect(ids('broken')).toEqual(['b'])
  })
})
