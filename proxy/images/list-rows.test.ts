import { describe, expect, it } from 'vitest'
import type { Image } from '../contract/api'
import { prepareRows } from './list-rows'
import { makeImage } from './test-images'

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

describe('prepareRows', () => {
  it('shares equal values across rows and drops Readme, changing nothing observable', () => {
    const [a, b] = prepareRows([
      decoded({ CompShareImageId: 'a', Readme: '# long' } as Partial<Image>),
      decoded({ CompShareImageId: 'b' }),
    ])
    expect(a).not.toHaveProperty('Readme')
    expect(a!.Tags).toBe(b!.Tags)
    expect(a!.Softwares).toBe(b!.Softwares)
    expect(a!.Owner).toBe(b!.Owner)
    expect(Object.isFrozen(a!.Tags)).toBe(true)
    expect(b).toEqual(decoded({ CompShareImageId: 'b' }))
  })

  it('keeps different values apart', () => {
    const [a, b] = prepareRows([decoded({ Tags: ['x'] }), decoded({ Tags: ['y'] })])
    expect(a!.Tags).toEqual(['x'])
    expect(b!.Tags).toEqual(['y'])
  })
})
