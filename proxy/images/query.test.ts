import { describe, expect, it } from 'vitest'
import { failureSignature } from '../failures/signature'
import { buildIndex, filterImages, queryImages } from './query'
import { termMatches } from './query-index'
import { catalog, names, page, run } from './query-fixtures'
import { makeImage } from './test-images'

describe('queryImages: free text', () => {
  it('matches case-insensitively over name, id, description, author, tags, failure', () => {
    expect(run(catalog, { q: 'pytorch' }).names).toEqual(['PyTorch 2.1 训练镜像'])
    expect(run(catalog, { q: 'IMG-2' }).names).toEqual(['ComfyUI 工作流'])
    expect(run(catalog, { q: 'openai' }).names).toEqual(['vLLM server'])
    expect(run(catalog, { q: 'disk FULL' }).names).toEqual(['vLLM server'])
    expect(run(catalog, { q: 'sd' }).names).toEqual(['ComfyUI 工作流'])
    expect(run(catalog, { q: 'rtx 4090' }).names).toEqual(['ComfyUI 工作流'])
  })

  it('needs every whitespace-separated term (AND)', () => {
    expect(run(catalog, { q: 'llm' }).total).toBe(2)
    expect(run(catalog, { q: '  llm   训练 ' }).names).toEqual(['PyTorch 2.1 训练镜像'])
    expect(run(catalog, { q: 'llm nothing-like-this' }).total).toBe(0)
  })

  it('finds Chinese text by substring', () => {
    expect(run(catalog, { q: '训练' }).names).toEqual(['PyTorch 2.1 训练镜像'])
    expect(run(catalog, { q: '磁盘空间' }).names).toEqual(['vLLM server'])
    expect(run(catalog, { q: '工作' }).names).toEqual(['ComfyUI 工作流'])
  })

  it('matches full-width letters against half-width and back (NFKC)', () => {
    expect(run(catalog, { q: 'ｐｙｔｏｒｃｈ' }).names).toEqual(['PyTorch 2.1 训练镜像'])
    expect(run(catalog, { q: 'alice' }).names).toEqual(['ComfyUI 工作流'])
    expect(run(catalog, { q: 'ＡＬＩＣＥ　ｃｏｍｆｙ' }).names).toEqual(['ComfyUI 工作流'])
  })

  it('does not match across two fields', () => {
    const images = [makeImage({ Name: 'abc', Description: 'def' })]
    expect(run(images, { q: 'cd' }).total).toBe(0)
    expect(run(images, { q: 'abc def' }).total).toBe(1)
  })

  it('gives the same answers from its term cache, and for a term typed on', () => {
    const index = buildIndex(catalog)
    const ask = (q: string) => names(queryImages(index, { ...page, q }).items)
    for (let round = 0; round < 2; round++) {
      expect(ask('l')).toHaveLength(3)
      expect(ask('ll')).toEqual(['PyTorch 2.1 训练镜像', 'vLLM server'])
      expect(ask('llm')).toEqual(['PyTorch 2.1 训练镜像', 'vLLM server'])
      expect(ask('llm se')).toEqual(['vLLM server'])
      expect(ask('llm sx')).toEqual([])
    }
  })
})

describe('termMatches', () => {
  it('remembers the 32 most recent terms of a snapshot, and answers the same from memory', () => {
    const index = buildIndex(catalog)
    expect([...termMatches(index, 'llm')]).toEqual([1, 0, 1, 0])
    for (let k = 0; k < 40; k++) termMatches(index, `term${k}`)
    expect(index.terms.size).toBe(32)
    expect(index.terms.has('llm')).toBe(false)
    expect([...termMatches(index, 'llm')]).toEqual([1, 0, 1, 0])
  })
})

describe('queryImages: filters', () => {
  it('status, type, gpu and framework match any of their values', () => {
    expect(run(catalog, { status: ['Making', 'UnAvailable'] }).total).toBe(2)
    expect(run(catalog, { type: ['Custom'] }).names).toEqual([
      'PyTorch 2.1 训练镜像',
      'vLLM server',
    ])
    expect(run(catalog, { gpu: ['H100', 'A100'] }).total).toBe(2)
    expect(run(catalog, { framework: ['ComfyUI'] }).names).toEqual(['ComfyUI 工作流'])
    expect(run(catalog, { status: ['NoSuchStatus'] }).total).toBe(0)
    expect(run(catalog, { status: [] }).total).toBe(4)
  })

  it('visibility maps private to 0 and public to 1', () => {
    expect(run(catalog, { visibility: 'public' }).names).toEqual(['ComfyUI 工作流'])
    expect(run(catalog, { visibility: 'private' }).total).toBe(2)
  })

  it('tag needs every listed tag', () => {
    expect(run(catalog, { tag: ['LLM'] }).total).toBe(2)
    expect(run(catalog, { tag: ['LLM', '训练'] }).names).toEqual(['PyTorch 2.1 训练镜像'])
    expect(run(catalog, { tag: ['LLM', 'unknown'] }).total).toBe(0)
  })

  it('failed keeps only images with a non-blank FailedReason', () => {
    expect(run(catalog, { failed: true }).names).toEqual(['vLLM server'])
    expect(run(catalog, { failed: false }).total).toBe(4)
  })

  it('reason keeps the images whose failure group key it names', () => {
    const images = [
      makeImage({ Name: 'a', FailedReason: 'No space left on device: wrote 1024 bytes' }),
      makeImage({ Name: 'b', FailedReason: 'No space left on device: wrote 2048 bytes' }),
      makeImage({ Name: 'c', FailedReason: 'CUDA driver version is insufficient' }),
      makeImage({ Name: 'd' }),
    ]
    const { key } = failureSignature(images[0]!.FailedReason!)
    expect(run(images, { reason: key }).names).toEqual(['a', 'b'])
    expect(run(images, { reason: 'abcdef' }).total).toBe(0)
    expect(buildIndex(images).rows.map((row) => row.reasonKey === key)).toEqual([
      true,
      true,
      false,
      false,
    ])
  })

  it('latest keeps the newest version of each GroupId family, in the whole list', () => {
    const images = [
      makeImage({ Name: 'g1 old', GroupId: 'g1', CreateTime: 100, Status: 'Available' }),
      makeImage({ Name: 'g1 new', GroupId: 'g1', CreateTime: 300, Status: 'UnAvailable' }),
      makeImage({ Name: 'g2 tie first', GroupId: 'g2', CreateTime: 200 }),
      makeImage({ Name: 'g2 tie second', GroupId: 'g2', CreateTime: 200 }),
      makeImage({ Name: 'g2 no time', GroupId: 'g2', CreateTime: null }),
      makeImage({ Name: 'alone', GroupId: null, CreateTime: 50 }),
      makeImage({ Name: 'blank group', GroupId: ' ', CreateTime: 10 }),
    ]
    expect(run(images, { latest: true, sort: 'Name', order: 'asc' }).names).toEqual([
      'alone',
      'blank group',
      'g1 new',
      'g2 tie first',
    ])
    // Before the other filters: g1's newest is not Available, so g1 has none that is.
    expect(run(images, { latest: true, status: ['Available'] }).total).toBe(0)
  })

  it("answers each page family's size in the whole list, before any filter", () => {
    const images = [
      makeImage({ Name: 'g1 a', GroupId: 'g1', Status: 'Available' }),
      makeImage({ Name: 'g1 b', GroupId: 'g1', Status: 'UnAvailable' }),
      makeImage({ Name: 'g1 c', GroupId: 'g1', Status: 'UnAvailable' }),
      makeImage({ Name: 'g2 a', GroupId: 'g2', Status: 'UnAvailable' }),
      makeImage({ Name: 'alone', GroupId: null, Status: 'Available' }),
    ]
    const index = buildIndex(images)
    const available = queryImages(index, { status: ['Available'], offset: 0, limit: 20 })
    expect(available.versions).toEqual({ g1: 3 })
    const all = queryImages(index, { sort: 'Name', order: 'asc', offset: 3, limit: 20 })
    expect(all.items.map((image) => image.Name)).toEqual(['g1 c', 'g2 a'])
    expect(all.versions).toEqual({ g1: 3, g2: 1 })
  })

  it('combines filters with the search text', () => {
    expect(run(catalog, { q: 'llm', status: ['Available'] }).names).toEqual([
      'PyTorch 2.1 训练镜像',
    ])
  })
})

describe('queryImages: facets', () => {
  it("counts each facet without its own filter, but with every other one's", () => {
    const images = [
      makeImage({ Status: 'Making', SourceGpuType: 'A100', Tags: ['x'] }),
      makeImage({ Status: 'Making', SourceGpuType: 'H100', Tags: ['x', 'y'] }),
      makeImage({ Status: 'Available', SourceGpuType: 'A100', Tags: ['y'] }),
      makeImage({ Status: 'Available', SourceGpuType: 'A100', Tags: ['x'] }),
      makeImage({ Status: 'UnAvailable', SourceGpuType: 'H100', FailedReason: 'boom' }),
      makeImage({ Status: null, SourceGpuType: 'A100' }),
    ]
    const result = run(images, { status: ['Making'], gpu: ['A100'] })
    expect(result.total).toBe(1)
    // status ignores status=Making but keeps gpu=A100: how many each checkbox would add.
    expect({ ...result.facets.status }).toEqual({ Available: 2, Making: 1 })
    // gpu ignores gpu=A100 but keeps status=Making.
    expect({ ...result.facets.gpu }).toEqual({ A100: 1, H100: 1 })
    // Facets without a filter count the result list itself.
    expect({ ...result.facets.tags }).toEqual({ x: 1 })
    const failed = run(images, { status: ['Making'], failed: true })
    expect({ ...failed.facets.status }).toEqual({ UnAvailable: 1, Making: 0 })
  })

  it('counts the failed images among the total: what failed=1 would total', () => {
    const images = [
      makeImage({ Status: 'UnAvailable', Tags: ['x'], FailedReason: 'disk full' }),
      makeImage({ Status: 'UnAvailable', Tags: ['y'], FailedReason: 'OOM' }),
      makeImage({ Status: 'UnAvailable', Tags: ['x'], FailedReason: '  ' }),
      makeImage({ Status: 'Available', Tags: ['x'] }),
    ]
    expect(run(images, {}).failedTotal).toBe(2)
    expect(run(images, { tag: ['x'] })).toMatchObject({ total: 3, failedTotal: 1 })
    // The page does not change it; failed=1 itself makes it the total.
    expect(run(images, { tag: ['x'], limit: 1, offset: 2 }).failedTotal).toBe(1)
    expect(run(images, { failed: true })).toMatchObject({ total: 2, failedTotal: 2 })
    expect(run(images, { status: ['Available'] }).failedTotal).toBe(0)
  })

  it('counts the tag facet without the tag filter, and each tag once per image', () => {
    const images = [
      makeImage({ Tags: ['a', 'b', 'a'] }),
      makeImage({ Tags: ['a'] }),
      makeImage({ Tags: ['b', 'c'] }),
    ]
    const result = run(images, { tag: ['a', 'b'] })
    expect(result.total).toBe(1)
    expect({ ...result.facets.tags }).toEqual({ a: 2, b: 2, c: 1 })
  })

  it('leaves out nulls and blanks, keys by raw value and keeps selected values at 0', () => {
    const images = [
      makeImage({ Status: ' ', ImageType: 'Custom', Visibility: 7, Tags: ['__proto__', ''] }),
      makeImage({
        Softwares: {
          Framework: 'JAX',
          FrameworkVersion: null,
          CUDAVersion: null,
          Applications: null,
        },
      }),
    ]
    const { facets } = run(images, { type: ['App'], visibility: 'public' })
    expect({ ...facets.status }).toEqual({})
    expect({ ...facets.type }).toEqual({ App: 0 })
    expect({ ...facets.visibility }).toEqual({ public: 0 })
    const all = run(images, {}).facets
    expect(Object.keys(all.tags)).toEqual(['__proto__'])
    expect(all.tags['__proto__']).toBe(1)
    expect(JSON.parse(JSON.stringify(all.framework))).toEqual({ JAX: 1 })
  })
})

describe('filterImages', () => {
  it('returns the whole filtered, sorted list', () => {
    const index = buildIndex(catalog)
    expect(names(filterImages(index, { type: ['Custom'], sort: 'Name', order: 'desc' }))).toEqual([
      'vLLM server',
      'PyTorch 2.1 训练镜像',
    ])
    expect(filterImages(index, {})).toHaveLength(4)
  })
})
