import { describe, expect, it } from 'vitest'
import type { Image } from '@contract/api'
import { makeImage } from './image-drawer-test-utils'
import { diffStats, readmeDiff } from './readme-diff'
import { compareVersions, defaultPair, newestAvailable } from './version-diff'

const v = (overrides: Partial<Image> & Record<string, unknown>) => makeImage(overrides) as Image

describe('compareVersions', () => {
  it('reports what changed between two versions, field by field', () => {
    const before = v({
      Status: 'UnAvailable',
      Size: 20480,
      Tags: ['pytorch', 'llm'],
      Softwares: {
        Framework: 'PyTorch',
        FrameworkVersion: '2.3.1',
        CUDAVersion: '12.1',
        Applications: ['JupyterLab'],
      },
    })
    const after = v({
      Status: 'Available',
      Size: 20480,
      Tags: ['llm', 'vllm'],
      Softwares: {
        Framework: 'PyTorch',
        FrameworkVersion: '2.4.0',
        CUDAVersion: '12.1',
        Applications: ['JupyterLab', 'vLLM'],
      },
    })
    const changes = Object.fromEntries(compareVersions(before, after).map((c) => [c.path, c]))
    expect(changes.Status).toMatchObject({
      before: 'UnAvailable',
      after: 'Available',
      changed: true,
    })
    expect(changes.Size).toMatchObject({ before: 20480, after: 20480, changed: false })
    expect(changes['Softwares.Framework']?.changed).toBe(false)
    expect(changes['Softwares.FrameworkVersion']).toMatchObject({
      before: '2.3.1',
      after: '2.4.0',
      changed: true,
    })
    expect(changes['Softwares.CUDAVersion']?.changed).toBe(false)
    expect(changes['Softwares.Applications']).toMatchObject({ added: ['vLLM'], removed: [] })
    expect(changes.Tags).toMatchObject({ added: ['vllm'], removed: ['pytorch'], changed: true })
  })

  it('treats lists as sets and missing, empty and null values as the same nothing', () => {
    const a = v({ Tags: ['b', 'a', 'a'], Softwares: null, Size: null })
    const b = v({ Tags: ['a', 'b'], Softwares: { Framework: '' } as never, Size: undefined })
    const changes = compareVersions(a, b)
    expect(changes.filter((c) => c.changed)).toEqual([])
    expect(compareVersions(a, v({ Tags: null })).find((c) => c.path === 'Tags')).toMatchObject({
      removed: ['b', 'a'],
      changed: true,
    })
  })

  it('survives drifted records: non-list tags and odd values are compared as they are', () => {
    const a = v({ Tags: 'x' as never, Size: '12' as never })
    const b = v({ Tags: ['x'], Size: 12 })
    const changes = Object.fromEntries(compareVersions(a, b).map((c) => [c.path, c]))
    expect(changes.Tags).toMatchObject({ before: [], after: ['x'], added: ['x'] })
    expect(changes.Size?.changed).toBe(true)
  })
})

describe('defaultPair and newestAvailable', () => {
  const family = [
    v({ CompShareImageId: 'v4', CreateTime: 400, Status: 'UnAvailable' }),
    v({ CompShareImageId: 'v3', CreateTime: 300, Status: 'Available' }),
    v({ CompShareImageId: 'v2', CreateTime: 200, Status: 'Available' }),
    v({ CompShareImageId: 'v1', CreateTime: 100, Status: 'Offline' }),
  ]

  it('compares the open version with the one before it (the oldest with the next)', () => {
    expect(defaultPair(family, 'v4')).toEqual(['v3', 'v4'])
    expect(defaultPair(family, 'v2')).toEqual(['v1', 'v2'])
    expect(defaultPair(family, 'v1')).toEqual(['v1', 'v2'])
    expect(defaultPair(family, 'elsewhere')).toEqual(['v3', 'v4'])
    expect(defaultPair(family.slice(0, 1), 'v4')).toBeNull()
  })

  it('finds the newest Available version, whatever the list order', () => {
    expect(newestAvailable([...family].reverse(), 'v4')?.CompShareImageId).toBe('v3')
    expect(newestAvailable(family, 'v3')?.CompShareImageId).toBe('v2')
    expect(newestAvailable(family.filter((i) => i.Status !== 'Available'))).toBeNull()
  })
})

describe('readmeDiff', () => {
  it('marks added and removed lines with their line numbers', () => {
    const rows = readmeDiff('# Title\nold line\nsame\n', '# Title\nnew line\nsame\nextra')
    expect(rows).toEqual([
      { kind: 'same', text: '# Title', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'old line', oldLine: 2 },
      { kind: 'added', text: 'new line', newLine: 2 },
      { kind: 'same', text: 'same', oldLine: 3, newLine: 3 },
      { kind: 'added', text: 'extra', newLine: 4 },
    ])
    expect(diffStats(rows)).toEqual({ added: 2, removed: 1 })
  })

  it('ignores a missing final newline and Windows line ends', () => {
    expect(diffStats(readmeDiff('a\r\nb', 'a\nb\n'))).toEqual({ added: 0, removed: 0 })
  })

  it('folds long unchanged runs, keeping context around each change', () => {
    const body = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`)
    const after = [...body]
    after[9] = 'line 10 changed'
    const rows = readmeDiff(body.join('\n'), after.join('\n'), 2)
    expect(
      rows.map((r) =>
        r.kind === 'skip'
          ? `…${r.count}`
          : `${r.kind[0]}${r.kind === 'added' ? r.newLine : r.oldLine}`,
      ),
    ).toEqual(['…7', 's8', 's9', 'r10', 'a10', 's11', 's12', '…8'])
    // Unfolded, every line is there.
    expect(readmeDiff(body.join('\n'), after.join('\n'), Infinity)).toHaveLength(21)
  })

  it('shows a whole new readme as added lines, and nothing for two empty ones', () => {
    expect(diffStats(readmeDiff('', '# New\n\ntext'))).toEqual({ added: 3, removed: 0 })
    expect(readmeDiff('', '')).toEqual([])
  })
})
