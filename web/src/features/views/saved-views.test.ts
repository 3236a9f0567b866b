import { beforeEach, describe, expect, it } from 'vitest'
import {
  deleteView,
  exportViews,
  matchingView,
  mergeViews,
  parseViewsFile,
  renameView,
  saveView,
  savedViewsStore,
  type SavedView,
} from './saved-views'

beforeEach(() => localStorage.clear())

const failed = { name: 'Failed builds', query: '?failed=1&sort=Name&order=asc', hidden: ['Price'] }
const making = { name: 'Making', query: '?status=Making', hidden: [] }

describe('saving, renaming and deleting', () => {
  it('adds a view, and replaces the one of the same name (any case) in place', () => {
    let views = saveView([], failed, 1)
    views = saveView(views, making, 2)
    const id = views[0]!.id
    views = saveView(views, { ...failed, name: ' failed BUILDS ', query: '?failed=1' }, 3)
    expect(views.map((v) => [v.name, v.query])).toEqual([
      ['failed BUILDS', '?failed=1'],
      ['Making', '?status=Making'],
    ])
    expect(views[0]!.id).toBe(id)
    expect(views[0]!.savedAt).toBe(3)
  })

  it('renames, refusing a name another view has or an empty one', () => {
    const views = saveView(saveView([], failed), making)
    const [a, b] = views as [SavedView, SavedView]
    expect(renameView(views, a.id, 'making')).toEqual({ ok: false, error: 'taken' })
    expect(renameView(views, a.id, '   ')).toEqual({ ok: false, error: 'invalid' })
    const renamed = renameView(views, a.id, 'Broken')
    expect(renamed.ok && renamed.views.map((v) => v.name)).toEqual(['Broken', 'Making'])
    expect(deleteView(views, a.id)).toEqual([b])
  })

  it('finds the saved view the screen shows, hidden columns in any order', () => {
    const views = saveView([], { ...failed, hidden: ['Price', 'Tags'] })
    expect(matchingView(views, { query: failed.query, hidden: ['Tags', 'Price'] })?.name).toBe(
      'Failed builds',
    )
    expect(matchingView(views, { query: failed.query, hidden: ['Tags'] })).toBeUndefined()
  })
})

describe('local storage', () => {
  it('keeps views across reads and skips only a damaged entry', () => {
    savedViewsStore.set(saveView([], failed))
    const stored = JSON.parse(localStorage.getItem('imagedeck.views')!) as unknown[]
    localStorage.setItem('imagedeck.views', JSON.stringify([...stored, { name: 42 }]))
    expect(savedViewsStore.get().map((v) => v.name)).toEqual(['Failed builds'])
  })

  it('falls back to no views when the stored value is not a list', () => {
    localStorage.setItem('imagedeck.views', '{"oops":')
    expect(savedViewsStore.get()).toEqual([])
  })
})

describe('export and import', () => {
  it('reads back what it exports', () => {
    const views = saveView(saveView([], failed, 10), making, 11)
    const result = parseViewsFile(exportViews(views))
    expect(result).toEqual({ ok: true, views })
  })

  it('accepts a bare array written by hand, giving ids and times', () => {
    const result = parseViewsFile(JSON.stringify([making]), 99)
    expect(result.ok && result.views[0]).toMatchObject({ ...making, savedAt: 99 })
    expect(result.ok && result.views[0]!.id).toBeTruthy()
  })

  it.each([
    ['not JSON', '{"views": [', { code: 'notJson' }],
    ['another JSON file', '{"name": "package"}', { code: 'notViewsFile' }],
    [
      'a newer format',
      '{"format":"imagedeck.saved-views","version":2,"views":[]}',
      {
        code: 'newerVersion',
        version: 2,
      },
    ],
    [
      'a view without a name',
      JSON.stringify([making, { query: '', hidden: [] }]),
      {
        code: 'badView',
        index: 2,
        field: 'name',
      },
    ],
    [
      'a query that is not one',
      JSON.stringify([{ ...making, query: 'javascript:alert(1)' }]),
      {
        code: 'badView',
        index: 1,
        field: 'query',
      },
    ],
    [
      'a bad column id',
      JSON.stringify([{ ...making, hidden: ['<b>'] }]),
      {
        code: 'badView',
        index: 1,
        field: 'hidden',
      },
    ],
  ])('refuses %s, saying why', (_what, text, error) => {
    expect(parseViewsFile(text)).toEqual({ ok: false, error })
  })

  it('refuses a file that is too large', () => {
    expect(parseViewsFile(' '.repeat(1_000_001))).toEqual({
      ok: false,
      error: { code: 'tooLarge' },
    })
  })

  it('merges without losing a view: identical ones skipped, taken names numbered', () => {
    const current = saveView([], failed)
    const imported = parseViewsFile(
      JSON.stringify([failed, { ...failed, query: '?failed=1' }, making]),
    )
    if (!imported.ok) throw new Error('fixture')
    const { views, added, skipped } = mergeViews(current, imported.views)
    expect({ added, skipped }).toEqual({ added: 2, skipped: 1 })
    expect(views.map((v) => v.name)).toEqual(['Failed builds', 'Failed builds (2)', 'Making'])
    expect(new Set(views.map((v) => v.id)).size).toBe(3)
  })
})
