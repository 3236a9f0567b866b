// `npm start`: build the SPA and the server bundle when missing or older than their sources, then
// serve (plain Node, no tsx: see build-server.mjs).
// package.json runs this with --max-semi-space-size=4 (MB; Node 20's default grows to 16): V8's
// young generation then stays small. Measured with the bench's 10,000-image proxy (peak RSS over
// the list and the queries, issue 9's 150 MB guard): 163, 163, 167 MB without it; 143, 151, 154
// MB with it; the 100,000-image peak under load 405 MB against 415–435 MB.
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
