import type { Root } from 'hast'

/** Asks the readme worker for chunks [from, to) of a readme (issue 12). */
export interface ChunkRequest {
  id: number
  markdown: string
  from: number
  to: number
}

/** One chunk: its sanitised tree, or its text when it could not be parsed. */
export type ChunkReply = { id: number; index: number; total: number } & (
  { tree: Root } | { text: string }
)

export interface ReadmeSource {
  /** Asks for the first `count` chunks; each reaches the listener once, in order. */
  request(count: number): void
  close(): void
}

/** `undefined` until first needed; `null` where workers are unavailable (tests) or failed. */
let worker: Worker | null | undefined
const sources = new Map<number, Source>()
let lastId = 0

function readmeWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./readme-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    worker = null
  }
  if (worker) {
    worker.onmessage = ({ data }: MessageEvent<ChunkReply>) => sources.get(data.id)?.receive(data)
    // A worker that cannot load (a stricter CSP in front of us): parse on the page instead.
    worker.onerror = () => {
      worker?.terminate()
      worker = null
      for (const source of sources.values()) source.parseHere()
    }
  }
  return worker
}

class Source implements ReadmeSource {
  private next = 0
  private wanted = 0
  private total = Infinity
  private chunks: string[] | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly id: number,
    private readonly markdown: string,
    private readonly listener: (reply: ChunkReply) => void,
  ) {}

  receive(reply: ChunkReply) {
    if (reply.index !== this.next || !sources.has(this.id)) return
    this.next++
    this.total = reply.total
    this.wanted = Math.min(this.wanted, reply.total)
    this.listener(reply)
  }

  request(wanted: number) {
    const count = Math.min(wanted, this.total)
    if (count <= this.wanted) return
    const from = this.wanted
    this.wanted = count
    const parser = readmeWorker()
    if (parser) {
      parser.postMessage({ id: this.id, markdown: this.markdown, from, to: count } as ChunkRequest)
    } else this.parseHere()
  }

  /** Without a worker: one chunk per task on the page, as before the worker. */
  parseHere() {
    if (this.timer !== undefined || this.next >= this.wanted) return
    this.timer = setTimeout(() => {
      void import('./readme-pipeline').then(({ parseChunk, readmeChunks }) => {
        this.timer = undefined
        if (!sources.has(this.id) || this.next >= this.wanted) return
        this.chunks ??= readmeChunks(this.markdown)
        const reply = parseChunk(this.id, this.next, this.chunks)
        this.receive(reply)
        this.parseHere()
      })
    }, 0)
  }

  close() {
    sources.delete(this.id)
    clearTimeout(this.timer)
  }
}

/** A readme to parse off the main thread, chunk by chunk as the listener asks for them. */
export function openReadme(markdown: string, listener: (reply: ChunkReply) => void): ReadmeSource {
  const source = new Source(++lastId, markdown, listener)
  sources.set(lastId, source)
  return source
}
