import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { Hono } from 'hono'
import { getMimeType } from 'hono/utils/mime'
import { chooseEncoding, varyOnEncoding, type Encoding } from './compress'

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }
const IMMUTABLE = 'public, max-age=31536000, immutable'

const isFile = (path: string) => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The file a URL path names inside `root`, or undefined (outside it, a folder, or absent). */
function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part === '..')) return undefined
  const path = resolve(root, `.${decoded}`)
  if (!path.startsWith(root + sep)) return undefined
  if (path.endsWith('.br') || path.endsWith('.gz')) return undefined // only as a coding of the file
  return isFile(path) ? path : undefined
}

/**
 * Serves the built SPA: hashed assets cached for a year (their name changes with their content),
 * index.html never cached so a deploy is picked up at once; any other path without a file gets
 * index.html (client-side routing). Each file goes as the `.br` or `.gz` the build wrote beside it
 * (vite.config.ts) when the client accepts that coding, else as it is; `Vary: Accept-Encoding`
 * either way, so a shared cache keeps the codings apart.
 */
export function staticApp(root: string): Hono {
  const base = resolve(root)
  const indexPath = join(base, 'index.html')
  const app = new Hono()
  app.get('*', async (c) => {
    let file = fileFor(base, c.req.path)
    if (!file) {
      if (!existsSync(indexPath)) {
        return c.text(
          'ImageDeck is not built yet: run `npm run build` (npm start does it for you).',
          503,
        )
      }
      file = indexPath
    }
    const encoding = chooseEncoding(
      c.req.header('Accept-Encoding'),
      (['br', 'gzip'] as const).filter((e) => isFile(file + SUFFIX[e])),
    )
    const body = await readFile(encoding === 'identity' ? file : file + SUFFIX[encoding])
    const hashed = file.startsWith(join(base, 'assets') + sep)
    c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream')
    c.header(
      'Cache-Control',
      hashed ? IMMUTABLE : extname(file) === '.html' ? 'no-cache' : 'public, max-age=3600',
    )
    if (encoding !== 'identity') c.header('Content-Encoding', encoding)
    c.header('Content-Length', String(body.byteLength))
    const res = c.body(body)
    varyOnEncoding(res.headers)
    return res
  })
  return app
}
