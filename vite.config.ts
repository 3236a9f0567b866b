import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { compression } from 'vite-plugin-compression2'
import { defineConfig } from 'vitest/config'

const webSrc = fileURLToPath(new URL('./web/src', import.meta.url))
// The one module web/ may import from proxy/ (eslint.config.js enforces it).
const contract = fileURLToPath(new URL('./proxy/contract', import.meta.url))
const entitiesWithoutDom = fileURLToPath(
  new URL('./node_modules/decode-named-character-reference/index.js', import.meta.url),
)

type ModuleInfo = { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] }
/**
 * Every module web/src/main.tsx imports statically, directly or not: what the first paint runs.
 * Rolldown's automatic chunking otherwise moves modules the entry shares with lazy chunks (react,
 * i18next, button…) into small common chunks, each one more request on the first load
 * (rolldown/rolldown#9963). The radix-ui barrel is not followed and lucide's icons are left out:
 * those barrels name every package and icon, the lazy menus' ones included.
 */
const entry = fileURLToPath(new URL('./web/src/main.tsx', import.meta.url))
let firstLoad: Set<string> | undefined
function inFirstLoad(id: string, getModuleInfo: (id: string) => ModuleInfo | null): boolean {
  if (!firstLoad) {
    firstLoad = new Set([entry])
    for (const seen of firstLoad) {
      if (seen.includes('/node_modules/radix-ui/')) continue
      const info = getModuleInfo(seen)
      for (const next of info?.importedIds ?? [])
        if (!info?.dynamicallyImportedIds.includes(next)) firstLoad.add(next)
    }
  }
  return firstLoad.has(id)
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // Every built text asset also as .br and .gz (maximum levels: compressed once, served many
    // times); proxy/http/static.ts picks one by Accept-Encoding.
    compression({ algorithms: ['brotliCompress', 'gzip'] }),
  ],
  resolve: {
    alias: [
      { find: '@contract', replacement: contract },
      { find: '@', replacement: webSrc },
      // The readme worker (web/src/features/images/drawer/readme-worker.ts) has no `document`:
      // micromark's entity decoder takes its DOM-free build there and everywhere else.
      { find: 'decode-named-character-reference', replacement: entitiesWithoutDom },
      // react-i18next's shim for React < 18: React 19 has the hook (0.5 kB off the first load).
      { find: /^use-sync-external-store\/shim$/, replacement: 'react' },
    ],
  },
  // Only public, non-secret values may be prefixed (design.md: nothing secret ever has VITE_).
  envPrefix: 'IMAGEDECK_PUBLIC_',
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    // Every browser the app supports preloads modules natively (Chrome 66, Firefox 115, Safari 17).
    modulePreload: { polyfill: false },
    // terser over the default (oxc): the first load as served 0.8 kB smaller (bench/first-load.ts).
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 3 } },
    // The first paint's modules in one chunk (inFirstLoad above): 5 requests fewer.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: (id, ctx) =>
                inFirstLoad(id, (other) => ctx.getModuleInfo(other)) &&
                !id.includes('/lucide-react/dist/esm/icons/')
                  ? 'index'
                  : null,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 8080}` } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'proxy', include: ['proxy/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/src/i18n/test-setup.ts'],
        },
      },
    ],
  },
})
