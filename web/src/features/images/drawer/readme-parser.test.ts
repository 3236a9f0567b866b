// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChunkReply, ChunkRequest } from './readme-parser'

type Scope = {
  onmessage?: (event: { data: ChunkRequest }) => void
  postMessage?: (reply: ChunkReply) => void
}

/** A Worker running readme-worker.ts in this thread; messages are copied as a browser copies them. */
class FakeWorker {
  static failing = false
  static made = 0
  static scope: Scope
  onmessage: ((event: { data: ChunkReply }) => void) | null = null
  onerror: (() => void) | null = null

  constructor(url: URL, options: WorkerOptions) {
    expect(url.pathname).toMatch(/readme-worker\.ts$/)
    expect(options.type).toBe('module')
    FakeWorker.made++
    FakeWorker.scope.postMessage = (reply) =>
      setTimeout(() => this.onmessage?.({ data: structuredClone(reply) }))
  }

  postMessage(data: ChunkRequest) {
    setTimeout(() =>
      FakeWorker.failing
        ? this.onerror?.()
        : FakeWorker.scope.onmessage?.({ data: structuredClone(data) }),
    )
  }

  terminate() {}
}

const TABLE = [
  '| n | name |',
  '|---|---|',
  ...Array.from({ length: 800 }, (_, i) => `| ${i} | r |`),
]

async function load() {
  FakeWorker.scope = {}
  vi.stubGlobal('self', FakeWorker.scope)
  await import('./readme-worker')
  vi.stubGlobal('Worker', FakeWorker)
  return import('./readme-parser')
}

/** Collects replies until `count` have come. */
function collect(count: number) {
  const replies: ChunkReply[] = []
  let done: () => void
  const all = new Promise<void>((resolve) => (done = resolve))
  const listener = (reply: ChunkReply) => {
    replies.push(reply)
    if (replies.length === count) done()
  }
  return { replies, all, listener }
}

function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((item) => hasKey(item, key))
  if (!value || typeof value !== 'object') return false
  return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key))
}

beforeEach(() => {
  vi.resetModules()
  FakeWorker.failing = false
  FakeWorker.made = 0
})
afterEach(() => vi.unstubAllGlobals())

describe('readme parsing in a worker', () => {
  it('sends sanitised trees, in order, only as many chunks as asked for', async () => {
    const { openReadme } = await load()
    const first = collect(2)
    const source = openReadme(TABLE.join('\n'), first.listener)
    source.request(2)
    await first.all
    expect(first.replies.map((r) => r.index)).toEqual([0, 1])
    expect(first.replies[0]!.total).toBeGreaterThan(4)
    const tree = 'tree' in first.replies[0]! ? first.replies[0].tree : null
    expect(JSON.stringify(tree)).toContain('"tagName":"table"')
    // Positions are left behind in the worker: the page never reads them.
    expect(hasKey(tree, 'position')).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(first.replies).toHaveLength(2)
    source.close()
    expect(FakeWorker.made).toBe(1)
  })

  it('sanitises in the worker: no script, handler or javascript: URL reaches the page', async () => {
    const { openReadme } = await load()
    const { replies, all, listener } = collect(1)
    openReadme(
      '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(2)>',
      listener,
    ).request(1)
    await all
    const text = JSON.stringify(replies[0])
    expect(text).not.toMatch(/"tagName":"script"|javascript:|onerror/i)
  })

  it('delivers nothing to a closed readme', async () => {
    const { openReadme } = await load()
    const listener = vi.fn()
    const source = openReadme('# Hi', listener)
    source.request(1)
    source.close()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(listener).not.toHaveBeenCalled()
  })

  it('parses on the page when the worker cannot load (a stricter CSP in front of us)', async () => {
    FakeWorker.failing = true
    const { openReadme } = await load()
    const { replies, all, listener } = collect(3)
    openReadme(TABLE.join('\n'), listener).request(3)
    await all
    expect(replies.map((r) => r.index)).toEqual([0, 1, 2])
    expect(replies.every((r) => 'tree' in r)).toBe(true)
  })
})
