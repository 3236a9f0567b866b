import type { Root } from 'hast'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { limitNesting, splitReadme } from './readme-chunks'
import type { ChunkReply } from './readme-parser'

/**
 * GitHub's sanitisation (defaultSchema) narrowed: links only http(s)/mailto, images only http(s).
 * No rehype-raw, so raw HTML in a readme never becomes elements.
 */
export const readmeSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Ids are prefixed once, by the sanitiser, not also by remark-rehype.
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, readmeSchema)

/**
 * Markdown to a sanitised HTML tree (hast): plain data, so it crosses from the readme worker to the
 * page by structured clone, and the page only turns it into elements.
 */
export function readmeTree(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root
}

/** A readme as the chunks the worker and the page's fallback both parse: nesting bounded, split. */
export function readmeChunks(markdown: string): string[] {
  return splitReadme(limitNesting(markdown))
}

/** Chunk `index` of `chunks` as a reply: its sanitised tree, or its text when it cannot be parsed. */
export function parseChunk(id: number, index: number, chunks: readonly string[]): ChunkReply {
  const markdown = chunks[index] ?? ''
  const total = chunks.length
  try {
    return { id, index, total, tree: readmeTree(markdown) }
  } catch {
    return { id, index, total, text: markdown }
  }
}
