import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BundleResult } from './frontend-bundle'
import { ROOT } from './lib/children'
import { bytesByOwner } from './lib/sourcemap'
import { kb } from './lib/stats'

/**
 * Where the initial JavaScript's bytes come from, by package, from the source maps: what to look
 * at first when the budget is exceeded. Raw (minified) bytes; gzip shrinks each part roughly alike.
 */
export function entryBreakdown(bundle: BundleResult, top = 12): string[] {
  const totals = new Map<string, number>()
  let all = 0
  for (const asset of bundle.initial) {
    if (!asset.file.endsWith('.js')) continue
    const path = join(ROOT, 'dist', asset.file)
    let map: { sources: string[]; mappings: string }
    try {
      map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as typeof map
    } catch {
      continue
    }
    for (const [owner, bytes] of bytesByOwner(readFileSync(path, 'utf8'), map)) {
      totals.set(owner, (totals.get(owner) ?? 0) + bytes)
      all += bytes
    }
  }
  if (all === 0) return []
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1])
  const gzipJs = bundle.initial
    .filter((a) => a.file.endsWith('.js'))
    .reduce((s, a) => s + a.gzip, 0)
  return [
    `Initial JavaScript by origin (from the source maps; minified bytes, and an estimate of each ` +
      `part's gzip share, proportional to its raw share of the ${kb(gzipJs)} gzip JS):`,
    '',
    '| origin | minified | ≈ gzip | share |',
    '|---|---:|---:|---:|',
    ...rows
      .slice(0, top)
      .map(
        ([owner, bytes]) =>
          `| \`${owner}\` | ${kb(bytes)} | ${kb((bytes / all) * gzipJs)} | ${((bytes / all) * 100).toFixed(1)}% |`,
      ),
    `| ${rows.length - Math.min(top, rows.length)} others | ${kb(rows.slice(top).reduce((s, [, b]) => s + b, 0))} | | |`,
  ]
}
