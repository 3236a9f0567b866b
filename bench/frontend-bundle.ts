import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from './lib/children'
import { verdict, type GoalRow } from './lib/result'
import { kb } from './lib/stats'

/** 150 kB of gzip (level 9) for everything the first paint needs; 1 kB = 1000 bytes. */
export const BUNDLE_BUDGET_BYTES = 150_000

const DIST = join(ROOT, 'dist')
// What scripts/start.mjs watches to decide that dist/ is stale.
const SOURCES = [
  'web/src',
  'public',
  'index.html',
  'vite.config.ts',
  'proxy/contract/api.ts',
  'package-lock.json',
]

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  )
}

export interface BuildState {
  ok: boolean
  built: boolean
  message: string
}

/** Builds dist/ with Vite when it is missing or older than its sources (as `npm start` does). */
export function ensureBuilt(): BuildState {
  const index = join(DIST, 'index.html')
  const sourceTime = Math.max(...SOURCES.map((p) => newest(join(ROOT, p))))
  if (existsSync(index) && statSync(index).mtimeMs >= sourceTime) {
    return { ok: true, built: false, message: 'dist/ is up to date' }
  }
  const started = Date.now()
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    },
  )
  if (build.status !== 0) {
    const why = `${build.stderr ?? ''}${build.stdout ?? ''}`
      .trim()
      .split('\n')
      .slice(-6)
      .join(' | ')
    return { ok: false, built: false, message: `vite build failed (exit ${build.status}): ${why}` }
  }
  return {
    ok: true,
    built: true,
    message: `built dist/ with Vite in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  }
}

export interface Asset {
  file: string
  kind: 'entry' | 'modulepreload' | 'stylesheet' | 'static import'
  raw: number
  gzip: number
}

export interface BundleResult {
  initial: Asset[]
  totalGzip: number
  /** Chunks loaded on demand: file and what the source map says is in it. */
  lazy: { file: string; gzip: number; markdown: boolean; drawer: boolean }[]
  markdownLazy: boolean
  drawerLazy: boolean
  notes: string[]
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1]

/** Static `import … from "./x.js"` / `import "./x.js"` of a built chunk (not `import("./x.js")`). */
function staticImports(code: string): string[] {
  const out: string[] = []
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) out.push(m[1]!)
  return out
}

function gz(path: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path)
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/** What a chunk holds, from its source map (`sources`), when there is one. */
function chunkSources(path: string): string[] {
  try {
    return (JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[] }).sources
  } catch {
    return []
  }
}

/**
 * The initial JS + CSS: dist/index.html's entry script, modulepreload links and stylesheets, plus
 * anything those import statically (the browser fetches it before the first render either way).
 */
export function measureBundle(): BundleResult {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const notes: string[] = []
  const initial = new Map<string, Asset['kind']>()
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = attr(tag, 'src')
    if (src && /type="module"/.test(tag)) initial.set(src, 'entry')
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const rel = attr(tag, 'rel')
    const href = attr(tag, 'href')
    if (!href) continue
    if (rel === 'modulepreload') initial.set(href, 'modulepreload')
    if (rel === 'stylesheet') initial.set(href, 'stylesheet')
  }
  if (![...initial.values()].includes('entry'))
    throw new Error('dist/index.html has no module entry script')
  // Follow static imports from every initial JS file.
  const queue = [...initial.keys()].filter((f) => f.endsWith('.js'))
  while (queue.length > 0) {
    const file = queue.shift()!
    const dir = file.slice(0, file.lastIndexOf('/') + 1)
    for (const rel of staticImports(readFileSync(join(DIST, file), 'utf8'))) {
      const target = dir + rel.slice(2)
      if (initial.has(target)) continue
      initial.set(target, 'static import')
      notes.push(`${target} is imported statically but not preloaded`)
      queue.push(target)
    }
  }
  const assets: Asset[] = [...initial.entries()].map(([file, kind]) => ({
    file,
    kind,
    ...gz(join(DIST, file)),
  }))

  const initialFiles = new Set(initial.keys())
  const lazy = readdirSync(join(DIST, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `/assets/${name}`)
    .filter((file) => !initialFiles.has(file))
    .map((file) => {
      const sources = chunkSources(join(DIST, file))
      const named = (re: RegExp) => re.test(file) || sources.some((s) => re.test(s))
      return {
        file,
        gzip: gz(join(DIST, file)).gzip,
        markdown:
          sources.length > 0
            ? sources.some((s) => /node_modules\/react-markdown\//.test(s))
            : /readme|markdown/.test(file),
        drawer: named(/image-drawer/),
      }
    })
  const initialHas = (re: RegExp) =>
    [...initialFiles].some(
      (f) => f.endsWith('.js') && chunkSources(join(DIST, f)).some((s) => re.test(s)),
    )
  const markdownLazy = lazy.some((c) => c.markdown) && !initialHas(/node_modules\/react-markdown\//)
  const drawerLazy =
    lazy.some((c) => c.drawer) && !initialHas(/features\/images\/image-drawer\.tsx$/)
  return {
    initial: assets,
    totalGzip: assets.reduce((sum, a) => sum + a.gzip, 0),
    lazy,
    markdownLazy,
    drawerLazy,
    notes,
  }
}

export function bundleRows(r: BundleResult): GoalRow[] {
  const area = '4 front end'
  return [
    {
      area,
      metric: `initial JS + CSS, gzip -9 (${r.initial.length} files)`,
      measured: kb(r.totalGzip),
      goal: `≤ ${kb(BUNDLE_BUDGET_BYTES)} (hard)`,
      status: verdict(r.totalGzip <= BUNDLE_BUDGET_BYTES),
      hard: true,
    },
    {
      area,
      metric: 'markdown rendering (react-markdown) in a lazy chunk, not preloaded',
      measured: r.markdownLazy
        ? `yes (${r.lazy
            .filter((c) => c.markdown)
            .map((c) => c.file)
            .join(', ')})`
        : 'no',
      goal: 'lazy',
      status: verdict(r.markdownLazy),
    },
    {
      area,
      metric: 'image drawer in a lazy chunk, not preloaded',
      measured: r.drawerLazy
        ? `yes (${r.lazy
            .filter((c) => c.drawer)
            .map((c) => c.file)
            .join(', ')})`
        : 'no',
      goal: 'lazy',
      status: verdict(r.drawerLazy),
    },
  ]
}

export function bundleDetails(r: BundleResult): string[] {
  return [
    '| file | loaded | raw | gzip -9 |',
    '|---|---|---:|---:|',
    ...r.initial.map(
      (a) => `| \`${a.file}\` | initial (${a.kind}) | ${kb(a.raw)} | ${kb(a.gzip)} |`,
    ),
    `| **initial total** | | | **${kb(r.totalGzip)}** |`,
    ...r.lazy.map(
      (c) =>
        `| \`${c.file}\` | on demand${c.markdown ? ' (markdown)' : ''}${c.drawer ? ' (drawer)' : ''} | | ${kb(c.gzip)} |`,
    ),
    ...r.notes.map((n) => `\nNote: ${n}.`),
  ]
}
