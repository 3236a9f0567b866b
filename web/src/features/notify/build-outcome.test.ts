import { describe, expect, it } from 'vitest'
import type { Image } from '@contract/api'
import { buildEnd, failureSummary, leftMaking, watchedBuild } from './build-outcome'

const image = (id: string, more: Partial<Image> = {}) =>
  ({
    CompShareImageId: id,
    Name: `img-${id}`,
    VersionName: 'v1.3',
    Status: 'Making',
    ...more,
  }) as Image

describe('failureSummary', () => {
  it('takes a traceback’s final exception line', () => {
    const reason = [
      'Traceback (most recent call last):',
      '  File "/build/setup.py", line 12, in <module>',
      'RuntimeError: CUDA error: no kernel image is available for execution on the device',
    ].join('\n')
    expect(failureSummary(reason)).toBe(
      'RuntimeError: CUDA error: no kernel image is available for execution on the device',
    )
  })

  it('takes the first line of anything else, shortened', () => {
    expect(failureSummary('No space left on device\nwhile writing layer 3')).toBe(
      'No space left on device',
    )
    expect(failureSummary('x'.repeat(300), 20)).toBe(`${'x'.repeat(19)}…`)
    expect(failureSummary('   ')).toBeNull()
    expect(failureSummary(null)).toBeNull()
  })
})

describe('buildEnd', () => {
  const build = watchedBuild(image('a'))!

  it('says Available, or failed with the reason’s summary', () => {
    expect(buildEnd(build, image('a', { Status: 'Available' }))).toEqual({
      kind: 'available',
      build: { id: 'a', name: 'img-a', version: 'v1.3' },
    })
    expect(
      buildEnd(build, image('a', { Status: 'UnAvailable', FailedReason: 'disk full' })),
    ).toEqual({ kind: 'failed', build, summary: 'disk full' })
  })

  it('waits while still Making and says nothing for other statuses or a vanished image', () => {
    expect(buildEnd(build, image('a'))).toBeNull()
    expect(buildEnd(build, image('a', { Status: 'Offline' }))).toBe('gone')
    expect(buildEnd(build, undefined)).toBe('gone')
  })
})

describe('leftMaking', () => {
  it('with all: tracks every Making image and reports those that left', () => {
    const first = leftMaking({
      tracked: new Map(),
      picked: [],
      all: true,
      making: [image('a'), image('b')],
    })
    expect(first.left).toEqual([])
    expect([...first.tracked.keys()]).toEqual(['a', 'b'])
    const second = leftMaking({
      tracked: first.tracked,
      picked: [],
      all: true,
      making: [image('b'), image('c')],
    })
    expect(second.left.map((b) => b.id)).toEqual(['a'])
    expect([...second.tracked.keys()]).toEqual(['b', 'c'])
  })

  it('without all: only the picked builds, even one never seen in this tab', () => {
    const picked = [watchedBuild(image('p'))!, watchedBuild(image('q'))!]
    const result = leftMaking({
      tracked: new Map(),
      picked,
      all: false,
      making: [image('q'), image('z')],
    })
    expect(result.left.map((b) => b.id)).toEqual(['p'])
    expect([...result.tracked.keys()]).toEqual(['q'])
  })
})
