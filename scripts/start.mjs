// `npm start`: build the SPA and the server bundle when missing or older than their sources, then
// serve (plain Node, no tsx: see build-server.mjs).
// package.json runs this with --max-semi-space-size=4 (MB; Node 20's default grows to 16): V8's
// young generation then stays small. Measured with the bench's 10,000-image proxy (peak RSS over
// the list and the queries, issue 9's 150 MB guard): 163, 163, 167 MB without it; 143, 151, 154
// MB with it; the 100,000-image peak under load 405 MB against 415–435 MB.
// And with --heap-growing-percent=50: after a full collection the old generation may grow to
// 1.5× what survived before the next one, not V8's default of up to 4×. No hard cap, so a
// bigger list than expected only collects more often. Peak RSS under the bench's 50 connections
// (bench/server.ts via a probe, load average 4-6): 100,000 images 421 and 469 MB without it,
// 295 MB with it (issue 9's 400 MB guard), the same 42 requests/s; 10,000 images 245 and 248
// MB without, 160 and 168 MB with it.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureServer } from './build-server.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtIndex = join(root, 'dist', 'index.html')

function newest(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  )
}

const sources = [
  'web/src',
  'public',
  'index.html',
  'vite.config.ts',
  'proxy/contract',
  'package-lock.json',
]
const sourceTime = Math.max(...sources.map((p) => newest(join(root, p))))
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourceTime) {
  process.stdout.write('Building the dashboard (first start or sources changed)…\n')
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) process.exit(build.status ?? 1)
}

await import(pathToFileURL(await ensureServer()).href)
