import { BookOpen, Scissors } from 'lucide-react'
import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type MouseEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import Markdown, { type Components } from 'react-markdown'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import type { ImageDetail } from '@contract/api'
import { cn } from '@/lib/utils'
import { EmptyState } from './image-drawer-states'
import { MalformedValue, readField, isText } from './image-drawer-values'
import { limitNesting, splitReadme } from './readme-chunks'

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

function parseUrl(href: string | undefined): URL | null {
  if (!href) return null
  try {
    return new URL(href)
  } catch {
    return null
  }
}

// The sanitiser prefixes every id (DOM clobbering); hash links are pointed at the prefixed ids.
const CLOBBER_PREFIX = 'user-content-'

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function scrollToAnchor(event: MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault()
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  document
    .getElementById(id)
    ?.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' })
}

function Link({
  href,
  children,
  className,
  node: _node,
  ...props
}: ComponentProps<'a'> & { node?: unknown }) {
  const { t } = useTranslation('detail')
  const url = parseUrl(href)
  const style = cn(
    'font-medium text-primary underline underline-offset-2 hover:no-underline',
    className,
  )
  // In-page anchors (footnotes) scroll inside the drawer without touching the URL; relative links
  // mean nothing inside the dashboard and become plain text.
  if (href?.startsWith('#')) {
    const target = CLOBBER_PREFIX + safeDecode(href.slice(1)).replace(CLOBBER_PREFIX, '')
    return (
      <a
        href={`#${target}`}
        onClick={(event) => scrollToAnchor(event, target)}
        className={style}
        {...props}
      >
        {children}
      </a>
    )
  }
  if (!url || !['http:', 'https:', 'mailto:'].includes(url.protocol)) return <span>{children}</span>
  return (
    <a href={url.href} target="_blank" rel="noopener noreferrer" className={style} {...props}>
      {children}
      {url.protocol !== 'mailto:' && <span className="sr-only"> {t('readme.newTab')}</span>}
    </a>
  )
}

function Img({ src, alt, node: _node, ...props }: ComponentProps<'img'> & { node?: unknown }) {
  const url = parseUrl(typeof src === 'string' ? src : undefined)
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return alt ? <span className="text-muted-foreground">[{alt}]</span> : null
  }
  return (
    <img
      {...props}
      src={url.href}
      alt={alt ?? ''}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      className="my-2 inline-block h-auto max-w-full rounded-md"
    />
  )
}

/** Tailwind classes per element instead of a typography plugin; tokens keep both themes right. */
const components: Components = {
  a: Link,
  img: Img,
  h1: ({ node: _n, ...p }) => (
    <h1 className="mt-6 mb-3 border-b pb-2 text-xl font-semibold first:mt-0" {...p} />
  ),
  h2: ({ node: _n, ...p }) => (
    <h2 className="mt-6 mb-3 border-b pb-1.5 text-lg font-semibold first:mt-0" {...p} />
  ),
  h3: ({ node: _n, ...p }) => (
    <h3 className="mt-5 mb-2 text-base font-semibold first:mt-0" {...p} />
  ),
  h4: ({ node: _n, ...p }) => <h4 className="mt-4 mb-2 text-sm font-semibold first:mt-0" {...p} />,
  h5: ({ node: _n, ...p }) => <h5 className="mt-4 mb-2 text-sm font-semibold" {...p} />,
  h6: ({ node: _n, ...p }) => (
    <h6 className="mt-4 mb-2 text-sm font-semibold text-muted-foreground" {...p} />
  ),
  p: ({ node: _n, ...p }) => <p className="my-3 leading-7 first:mt-0 last:mb-0" {...p} />,
  ul: ({ node: _n, className, ...p }) => (
    <ul
      className={cn(
        'my-3 list-disc space-y-1 pl-6 [&.contains-task-list]:list-none [&.contains-task-list]:pl-1',
        className,
      )}
      {...p}
    />
  ),
  ol: ({ node: _n, ...p }) => <ol className="my-3 list-decimal space-y-1 pl-6" {...p} />,
  li: ({ node: _n, ...p }) => (
    <li className="leading-7 marker:text-muted-foreground [&>input]:mr-2" {...p} />
  ),
  blockquote: ({ node: _n, ...p }) => (
    <blockquote
      className="my-4 border-l-4 border-primary/40 bg-muted/40 py-1 pr-3 pl-4 text-muted-foreground"
      {...p}
    />
  ),
  hr: ({ node: _n, ...p }) => <hr className="my-6 border-border" {...p} />,
  pre: ({ node: _n, ...p }) => (
    <pre
      className="my-4 overflow-x-auto rounded-lg border bg-muted p-4 font-mono text-[13px] leading-relaxed [&>code]:bg-transparent [&>code]:p-0 [&>code]:text-[1em] [&>code]:text-inherit"
      {...p}
    />
  ),
  code: ({ node: _n, className, ...p }) => (
    <code
      className={cn('rounded bg-muted px-1.5 py-0.5 font-mono text-[0.85em]', className)}
      {...p}
    />
  ),
  table: ({ node: _n, ...p }) => (
    <div className="my-4 overflow-x-auto rounded-lg border">
      <table className="w-full border-collapse text-sm" {...p} />
    </div>
  ),
  thead: ({ node: _n, ...p }) => <thead className="bg-muted" {...p} />,
  tbody: ({ node: _n, ...p }) => <tbody className="[&>tr:nth-child(even)]:bg-muted/70" {...p} />,
  tr: ({ node: _n, ...p }) => <tr className="border-b last:border-b-0" {...p} />,
  th: ({ node: _n, ...p }) => (
    <th className="border-r px-3 py-2 text-left font-semibold last:border-r-0" {...p} />
  ),
  td: ({ node: _n, ...p }) => (
    <td className="border-r px-3 py-2 align-top last:border-r-0" {...p} />
  ),
}

/** One chunk, parsed once per text: a re-render of the drawer (polling, a tab switch) is free. */
const ReadmeChunk = memo(function ReadmeChunk({ markdown }: { markdown: string }) {
  return (
    <Markdown
      remarkPlugins={[remarkGfm]}
      // Ids are prefixed once, by the sanitiser, not also by remark-rehype.
      remarkRehypeOptions={{ clobberPrefix: '' }}
      rehypePlugins={[[rehypeSanitize, readmeSchema]]}
      components={components}
    >
      {markdown}
    </Markdown>
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
 * Paints the chunks one per task (readme-chunks.ts), and only as the reader nears them: a hostile
 * readme's thousands of table rows cost nothing until scrolled to, so the page never freezes.
 */
function ProgressiveChunks({ chunks }: { chunks: readonly string[] }) {
  const [shown, setShown] = useState(1)
  const [idle, setIdle] = useState(false)
  const sentinel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (shown >= chunks.length) return
    const more = () => setShown((n) => Math.min(chunks.length, n + 1))
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
  }, [shown, chunks.length])
  return (
    <div
      data-slot="readme"
      aria-busy={shown < chunks.length && !idle}
      className="text-sm break-words text-foreground"
    >
      {chunks.length === 1 ? (
        <ReadmeChunk markdown={chunks[0]!} />
      ) : (
        chunks.slice(0, shown).map((chunk, i) => (
          // Off-screen chunks skip layout and paint, so adding one does not re-lay out the rest.
          <div key={i} className="[contain-intrinsic-size:auto_480px] [content-visibility:auto]">
            <ReadmeChunk markdown={chunk} />
          </div>
        ))
      )}
      {shown < chunks.length && <div ref={sentinel} aria-hidden className="h-px" />}
    </div>
  )
}

export function ReadmeMarkdown({ markdown }: { markdown: string }) {
  const chunks = useMemo(() => splitReadme(limitNesting(markdown)), [markdown])
  // A new readme starts again from its first chunk.
  return <ProgressiveChunks key={markdown} chunks={chunks} />
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
