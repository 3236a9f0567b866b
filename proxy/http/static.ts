import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/**
 * Serves the built SPA: hashed assets cached for a year (their name changes with their content),
 * index.html never cached so a deploy is picked up at once; any other path gets index.html
 * (client-side routing).
 */
export function staticApp(root: string): Hono {
  const app = new Hono()
  const indexPath = join(root, 'index.html')
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.use(
    '*',
    serveStatic({
      root,
      onFound: (path, c) => {
        c.header('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600')
      },
    }),
  )
  app.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text(
        'ImageDeck is not built yet: run `npm run build` (npm start does it for you).',
        503,
      )
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(readFileSync(indexPath, 'utf8'))
  })
  return app
}
