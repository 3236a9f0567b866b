/**
 * `npx tsx bench/compare-filters.ts <A> <B> [rounds]`: keystroke → all 100 rows, after the
 * debounce, for two built apps (copies of dist/ from two commits), taking turns so that a busy host
 * weighs on both alike. Not part of `npm run bench`: a filter change differs by ±25 ms from one run
 * of `npm run bench` to the next, too much to tell two builds apart; this backs the before/after
 * figures in the comments and commits that cite it.
 *
 * Each round serves A, then B, from dist/ with the bundled server in sandbox mode (10,000 images,
 * list cache warm) and types the five words of bench/browser.ts twice (`measureFilters`). Prints
 * each build's median and quartiles over all its filter changes, and its longest task. dist/ is
 * set aside while it runs and put back after.
 */
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { measureFilters } from './browser'
import { ROOT, startSandboxApp } from './lib/children'
import { percentile } from './lib/stats'

const [a, b, roundsArg] = process.argv.slice(2)
if (!a || !b) throw new Error('usage: npx tsx bench/compare-filters.ts <dist A> <dist B> [rounds]')
const builds = [resolve(a), resolve(b)]
const rounds = Number(roundsArg ?? 4)
const dist = join(ROOT, 'dist')
for (const dir of builds) {
  if (dir === dist) throw new Error('dist/ is swapped while this runs: compare copies of it')
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} holds no built app`)
}
const kept = `${dist}.compare-kept`

async function measure(build: string): Promise<{ after: number; tasks: number[] }[]> {
  rmSync(dist, { recursive: true, force: true })
  cpSync(build, dist, { recursive: true })
  const app = await startSandboxApp('compare-app', {
    IMAGEDECK_RATE_LIMIT: '100000',
    IMAGEDECK_CACHE_TTL_S: '3600',
  })
  try {
    await fetch(`${app.url}/api/images?limit=100`).then((r) => r.arrayBuffer()) // warm the list
    const runs = [...(await measureFilters(app.url)), ...(await measureFilters(app.url))]
    return runs.map((r) => ({ after: r.afterDebounceMs, tasks: r.longTasks }))
  } finally {
    await app.stop()
  }
}

const results = builds.map(() => [] as { after: number; tasks: number[] }[])
if (existsSync(dist)) renameSync(dist, kept)
try {
  for (let round = 1; round <= rounds; round++) {
    for (const [i, build] of builds.entries()) results[i]!.push(...(await measure(build)))
    process.stdout.write(`round ${round} of ${rounds} done\n`)
  }
} finally {
  rmSync(dist, { recursive: true, force: true })
  if (existsSync(kept)) renameSync(kept, dist)
}
for (const [i, build] of builds.entries()) {
  const after = results[i]!.map((r) => r.after)
  const longest = Math.max(0, ...results[i]!.flatMap((r) => r.tasks))
  const q = (p: number) => percentile(after, p).toFixed(0)
  process.stdout.write(
    `${'AB'[i]} ${build}: ${after.length} filter changes, after the debounce median ${q(50)} ms ` +
      `(p25 ${q(25)}, p75 ${q(75)}), longest task ${longest ? `${longest.toFixed(0)} ms` : 'under 50 ms'}\n`,
  )
}
