// The proxy as one plain ES module (dist-server/main.mjs), so `npm start` runs it on bare Node:
// no tsx loader (and its hooks thread, tens of MB of RSS) in production. node_modules stay
// external. Rebuilt when missing or older than its sources.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))
export const serverEntry = join(root, 'dist-server', 'main.mjs')

function newest(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  )
}

/** True when dist-server/main.mjs is missing or older than proxy/, the lockfile or this script. */
export function serverIsStale() {
  if (!existsSync(serverEntry)) return true
  const sources = ['proxy', 'package-lock.json', 'tsconfig.json', 'scripts/build-server.mjs']
  const sourceTime = Math.max(...sources.map((p) => newest(join(root, p))))
  return statSync(serverEntry).mtimeMs < sourceTime
}

/** Bundles proxy/main.ts into dist-server/main.mjs (written aside, then renamed into place). */
export async function buildServer() {
  const { build } = await import('esbuild')
  const outDir = join(root, 'dist-server')
  mkdirSync(outDir, { recursive: true })
  // Several servers may start at once (the e2e config starts three): each writes its own file and
  // renames it over the entry, so none ever imports a half-written one.
  const temp = join(outDir, `main.${process.pid}.tmp.mjs`)
  try {
    await build({
      entryPoints: [join(root, 'proxy', 'main.ts')],
      outfile: temp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    })
    renameSync(temp, serverEntry)
  } finally {
    rmSync(temp, { force: true })
  }
  return serverEntry
}

/** Builds dist-server/main.mjs if it is stale; returns its path. */
export async function ensureServer() {
  if (serverIsStale()) await buildServer()
  return serverEntry
}
