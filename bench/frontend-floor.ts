import { gzipSync } from 'node:zlib'
import { buildSync } from 'esbuild'
import type { BundleResult } from './frontend-bundle'
import { BUNDLE_BUDGET_BYTES } from './frontend-bundle'
import { ROOT } from './lib/children'
import { kb } from './lib/stats'

/**
 * The libraries the first screen cannot do without (the owner's required stack plus the router
 * and i18n the style guide names), each imported the way web/src imports it. Each is bundled
 * alone with what it needs (React itself counted once, in the first group).
 */
const FRAMEWORK: { name: string; code: string }[] = [
  {
    name: 'react + react-dom',
    code: `import * as React from 'react'; import { createRoot } from 'react-dom/client'; export { React, createRoot }`,
  },
  {
    name: '@tanstack/react-router',
    code: `export { createRouter, createRoute, createRootRoute, RouterProvider, Outlet, Link, getRouteApi, stripSearchParams } from '@tanstack/react-router'`,
  },
  {
    name: 'i18next + react-i18next + detector',
    code: `export { default as i18n } from 'i18next'; export { initReactI18next, useTranslation } from 'react-i18next'; export { default as LanguageDetector } from 'i18next-browser-languagedetector'`,
  },
  {
    name: '@tanstack/react-query',
    code: `export { QueryClient, QueryClientProvider, useQuery, useMutation, useQueryClient, keepPreviousData, hashKey, queryOptions } from '@tanstack/react-query'`,
  },
  {
    name: '@tanstack/react-table',
    code: `export { useTable, FlexRender, createColumnHelper, functionalUpdate, tableFeatures, rowSortingFeature, rowPaginationFeature, columnVisibilityFeature, metaHelper } from '@tanstack/react-table'`,
  },
]

export interface FloorResult {
  parts: { name: string; minified: number; gzip: number }[]
  /** All of them in one bundle (compresses a little better than the parts added up). */
  together: number
  css: number
}

function bundle(code: string, external: string[]): string {
  const out = buildSync({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  return out.outputFiles[0]!.text
}

const gzip = (text: string) => gzipSync(text, { level: 9 }).length

/** What the required libraries weigh before a line of the app, measured from node_modules. */
export function measureFloor(bundleResult: BundleResult): FloorResult {
  const react = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client']
  const parts = FRAMEWORK.map(({ name, code }, k) => {
    const text = bundle(code, k === 0 ? [] : react)
    return { name, minified: text.length, gzip: gzip(text) }
  })
  const together = gzip(bundle(FRAMEWORK.map((f) => f.code).join('\n'), []))
  const css = bundleResult.initial
    .filter((a) => a.file.endsWith('.css'))
    .reduce((sum, a) => sum + a.gzip, 0)
  return { parts, together, css }
}

export function floorDetails(f: FloorResult, r: BundleResult): string[] {
  const floor = f.together + f.css
  return [
    `What the budget has to hold before a line of the app: the required libraries, each bundled on ` +
      `its own from node_modules with the imports web/src makes (esbuild, minified, production), ` +
      `gzip -9 (\`bench/frontend-floor.ts\`):`,
    '',
    '| library | minified | gzip -9 |',
    '|---|---:|---:|',
    ...f.parts.map((p) => `| ${p.name} | ${kb(p.minified)} | ${kb(p.gzip)} |`),
    `| all of them in one bundle | | **${kb(f.together)}** |`,
    `| + the app's Tailwind CSS | | ${kb(f.css)} |`,
    `| **floor** | | **${kb(floor)}** of the ${kb(BUNDLE_BUDGET_BYTES)} budget |`,
    '',
    `That leaves ${kb(Math.max(0, BUNDLE_BUDGET_BYTES - floor))} for the app's own code and every ` +
      `other library on the first screen; today those take ${kb(Math.max(0, r.totalGzip - floor))} ` +
      `(the initial total ${kb(r.totalGzip)} less the floor).`,
  ]
}
