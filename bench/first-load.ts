import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib/children'
import { BROWSER_ENCODINGS, getOk } from './lib/http'
import { verdict, type GoalRow } from './lib/result'
import { kb } from './lib/stats'

/** The budget for the first load as served: 150 KB on the wire (1 KB = 1000 bytes). */
export const FIRST_LOAD_BUDGET = 150_000

// What scripts/start.mjs watches to decide that dist/ is stale.
const SOURCES = ['web/src', 'public', 'index.html', 'vite.config.ts', 'proxy/contract']

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  )
}

/** Builds dist/ with Vite when it is missing or older than its sources (as `npm start` does). */
export function ensureBuilt(): string {
  const index = join(ROOT, 'dist', 'index.html')
  const sourceTime = Math.max(...SOURCES.map((p) => newest(join(ROOT, p))))
  if (existsSync(index) && statSync(index).mtimeMs >= sourceTime) return 'dist/ was up to date'
  const started = Date.now()
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
  )
  if (build.status !== 0) {
    const why = `${build.stderr ?? ''}${build.stdout ?? ''}`
      .trim()
      .split('\n')
      .slice(-6)
      .join(' | ')
    throw new Error(`vite build failed (exit ${build.status}): ${why}`)
  }
  return `built dist/ with Vite in ${((Date.now() - started) / 1000).toFixed(1)} s`
}

export interface Fetched {
  path: string
  /** Why the page loads it: the document, a script, a stylesheet, a preload, an import, an icon. */
  kind: string
  encoding: string
  wire: number
  body: number
  decoded: number
}

/** Static `import … from "./x.js"` / `import "./x.js"` of a built chunk (not `import("./x.js")`). */
const staticImports = (code: string) =>
  [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)].map((m) => m[1]!)
const cssUrls = (css: string) =>
  [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((m) => m[1]!)
    .filter((u) => !u.startsWith('data:'))

/**
 * The first load as the server sends it: `/` and everything its HTML asks for before the first
 * paint (entry script, module preloads, stylesheets, icon), plus whatever those import statically
 * or reference from CSS (fonts), each over a connection of its own with a browser's
 * `Accept-Encoding: br, gzip`, counting every byte read from the socket (status line, headers,
 * body). The API calls the page makes once it runs are not part of it.
 */
export async function measureFirstLoad(baseUrl: string): Promise<Fetched[]> {
  const seen = new Map<string, Fetched>()
  const fetchOne = async (path: string, kind: string) => {
    if (seen.has(path)) return undefined
    const res = await getOk(baseUrl + path, false, 30_000, BROWSER_ENCODINGS)
    const encoding = String(res.headers['content-encoding'] ?? 'identity')
    const entry = { path, kind, encoding, wire: res.wireBytes, body: res.bodyBytes }
    seen.set(path, { ...entry, decoded: Buffer.byteLength(res.body) })
    return res.body
  }
  const html = (await fetchOne('/', 'document'))!
  const wanted: [string, string][] = []
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (!url || /^(https?:)?\/\//.test(url)) continue
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1]
    if (tag.startsWith('<script')) wanted.push([url, 'script'])
    else if (rel === 'modulepreload' || rel === 'stylesheet' || rel === 'icon')
      wanted.push([url, rel])
  }
  while (wanted.length > 0) {
    const [url, kind] = wanted.shift()!
    const body = await fetchOne(url, kind)
    if (body === undefined) continue
    const dir = url.slice(0, url.lastIndexOf('/') + 1)
    if (url.endsWith('.js')) {
      for (const rel of staticImports(body)) wanted.push([dir + rel.slice(2), 'import'])
    } else if (url.endsWith('.css')) {
      for (const ref of cssUrls(body))
        wanted.push([ref.startsWith('/') ? ref : dir + ref.replace(/^\.\//, ''), 'font/css url'])
    }
  }
  return [...seen.values()]
}

export function firstLoadRow(files: Fetched[]): GoalRow {
  const wire = files.reduce((sum, f) => sum + f.wire, 0)
  const decoded = files.reduce((sum, f) => sum + f.decoded, 0)
  return {
    area: 'first load',
    metric: `index.html and what it loads on first paint, as served with Accept-Encoding: br, gzip (${files.length} responses, ${kb(decoded)} decoded)`,
    measured: `${kb(wire)} on the wire`,
    goal: `≤ ${kb(FIRST_LOAD_BUDGET)}`,
    status: verdict(wire <= FIRST_LOAD_BUDGET),
  }
}

export function firstLoadDetails(files: Fetched[]): string[] {
  return [
    '| path | why | coding | on the wire | body as sent | decoded |',
    '|---|---|---|---:|---:|---:|',
    ...files.map(
      (f) =>
        `| \`${f.path}\` | ${f.kind} | ${f.encoding} | ${kb(f.wire)} | ${kb(f.body)} | ${kb(f.decoded)} |`,
    ),
    `| **total** | | | **${kb(files.reduce((s, f) => s + f.wire, 0))}** | ${kb(files.reduce((s, f) => s + f.body, 0))} | ${kb(files.reduce((s, f) => s + f.decoded, 0))} |`,
  ]
}
