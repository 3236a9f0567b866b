import { parseChunk, readmeChunks } from './readme-pipeline'
import type { ChunkReply, ChunkRequest } from './readme-parser'

/**
 * The readme worker (issue 12): bounds, splits and parses readmes off the page's main thread and
 * sends each chunk back as a sanitised tree, so a hostile readme costs the page only its painting.
 */

// The few readmes asked for lately, split once each (a drawer steps back and forth through them).
const split = new Map<number, string[]>()
const KEEP = 4

function chunksOf(id: number, markdown: string): string[] {
  let chunks = split.get(id)
  if (!chunks) {
    chunks = readmeChunks(markdown)
    split.set(id, chunks)
    if (split.size > KEEP) split.delete(split.keys().next().value!)
  }
  return chunks
}

// The worker's global scope, typed by hand: the web worker lib clashes with the DOM lib.
const scope = self as unknown as {
  onmessage: (event: MessageEvent<ChunkRequest>) => void
  postMessage: (reply: ChunkReply) => void
}

/** Source positions, which the page never reads, are two thirds of a tree's objects to copy. */
function withoutPositions<T extends { position?: unknown; children?: unknown[] }>(node: T): T {
  delete node.position
  if (node.children) for (const child of node.children) withoutPositions(child as T)
  return node
}

scope.onmessage = ({ data }) => {
  const chunks = chunksOf(data.id, data.markdown)
  for (let index = data.from; index < Math.min(data.to, chunks.length); index++) {
    const reply = parseChunk(data.id, index, chunks)
    scope.postMessage('tree' in reply ? { ...reply, tree: withoutPositions(reply.tree) } : reply)
  }
}
