import type { Root } from 'hast'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import { BookOpen, Scissors } from 'lucide-react'
import { memo, startTransition, useEffect, useMemo, useRef, useState } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { useTranslation } from 'react-i18next'
import type { ImageDetail } from '@contract/api'
import { EmptyState } from './image-drawer-states'
import { MalformedValue, readField, isText } from './image-drawer-values'
import { readmeComponents } from './readme-components'
import { openReadme, type ChunkReply, type ReadmeSource } from './readme-parser'

/** Chunks asked of the worker beyond the ones painted, so the next is ready when scrolled to. */
const AHEAD = 2

function renderTree(tree: Root) {
  return toJsxRuntime(tree, {
    Fragment,
    jsx,
    jsxs,
    components: readmeComponents,
    ignoreInvalidStyle: true,
    passKeys: true,
    passNode: true,
  })
}

/** One chunk, turned into elements once: a re-render of the drawer (polling, a tab switch) is free. */
const ReadmeChunk = memo(function ReadmeChunk({ chunk }: { chunk: ChunkReply }) {
  return useMemo(
    () =>
      'tree' in chunk ? (
        renderTree(chunk.tree)
      ) : (
        <p className="whitespace-pre-wrap">{chunk.text}</p>
      ),
    [chunk],
  )
})

/** The nearest ancestor that scrolls (the drawer's body), the root to measure nearness against. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let el = element.parentElement; el; el = el.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(el).overflowY)) return el
  }
  return null
}

/**
 * The readme worker (readme-worker.ts) parses chunk by chunk; the page paints one chunk per task,
 * and only as the reader nears it: a hostile readme's thousands of table rows cost nothing until
 * scrolled to, and no parse runs on the main thread (unless the worker cannot load).
 */
function ProgressiveReadme({ markdown }: { markdown: string }) {
  const [chunks, setChunks] = useState<ChunkReply[]>([])
  const [shown, setShown] = useState(1)
  const [idle, setIdle] = useState(false)
  const source = useRef<ReadmeSource | null>(null)
  const sentinel = useRef<HTMLDivElement>(null)
  const total = chunks[0]?.total
  const painted = Math.min(shown, chunks.length)

  useEffect(() => {
    const opened = openReadme(markdown, (chunk) =>
      // A transition: React may split the work of painting a chunk across frames.
      startTransition(() => setChunks((list) => [...list, chunk])),
    )
    source.current = opened
    return () => {
      opened.close()
      source.current = null
    }
  }, [markdown])

  useEffect(() => source.current?.request(shown + AHEAD), [shown])

  useEffect(() => {
    if (total === undefined || painted >= total || painted < shown) return
    const more = () => setShown(painted + 1)
    const element = sentinel.current
    if (!element || typeof IntersectionObserver === 'undefined') {
      const timer = setTimeout(more, 0)
      return () => clearTimeout(timer)
    }
    // A new observer per step reports at once whether the end is still near.
    const observer = new IntersectionObserver(
      (entries) => {
        const near = entries.some((entry) => entry.isIntersecting)
        setIdle(!near)
        if (near) more()
      },
      { root: scrollParent(element), rootMargin: '1200px 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [painted, shown, total])

  const unfinished = total === undefined || painted < total
  return (
    <div
      data-slot="readme"
      aria-busy={total === undefined || painted < shown || (unfinished && !idle)}
      className="text-sm break-words text-foreground"
    >
      {total === 1 && chunks[0] ? (
        <ReadmeChunk chunk={chunks[0]} />
      ) : (
        chunks.slice(0, painted).map((chunk) => (
          // Off-screen chunks skip layout and paint, so adding one does not re-lay out the rest.
          <div
            key={chunk.index}
            className="[contain-intrinsic-size:auto_480px] [content-visibility:auto]"
          >
            <ReadmeChunk chunk={chunk} />
          </div>
        ))
      )}
      {unfinished && <div ref={sentinel} aria-hidden className="h-px" />}
    </div>
  )
}

export function ReadmeMarkdown({ markdown }: { markdown: string }) {
  // A new readme starts again from its first chunk.
  return <ProgressiveReadme key={markdown} markdown={markdown} />
}

/** The Readme tab; loaded as its own chunk (React.lazy in the drawer) to keep the main bundle small. */
export function ImageReadme({
  image,
}: {
  image: Pick<ImageDetail, 'Readme' | 'malformed' | 'readmeTruncated'>
}) {
  const { t } = useTranslation('detail')
  const readme = readField(image, 'Readme', isText)
  if (readme.state === 'malformed') return <MalformedValue raw={readme.raw} />
  if (readme.state === 'empty') {
    return <EmptyState icon={<BookOpen />} title={t('readme.empty')} hint={t('readme.emptyHint')} />
  }
  return (
    <>
      {image.readmeTruncated === true && (
        <p
          role="note"
          className="mb-4 flex items-center gap-2 rounded-md border border-dashed px-3 py-2 text-sm text-muted-foreground"
        >
          <Scissors className="size-4 shrink-0" aria-hidden />
          {t('readme.truncated')}
        </p>
      )}
      <ReadmeMarkdown markdown={readme.value} />
    </>
  )
}

export default ImageReadme
