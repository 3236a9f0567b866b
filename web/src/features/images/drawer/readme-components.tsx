import type { Components } from 'hast-util-to-jsx-runtime'
import type { ComponentProps, MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { cn } from '@/lib/utils'

/** What a readme's elements render as: safe links and images, Tailwind per element. */

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
export const readmeComponents: Partial<Components> = {
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
