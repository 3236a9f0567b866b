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

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // Every built text asset also as .br and .gz (maximum levels: compressed once, served many
    // times); proxy/http/static.ts picks one by Accept-Encoding.
    compression({ algorithms: ['brotliCompress', 'gzip'] }),
  ],
  resolve: {
    alias: {
      '@contract': contract,
      '@': webSrc,
      // The readme worker (web/src/features/images/drawer/readme-worker.ts) has no `document`:
      // micromark's entity decoder takes its DOM-free build there and everywhere else.
      'decode-named-character-reference': entitiesWithoutDom,
    },
  },
  // Only public, non-secret values may be prefixed (design.md: nothing secret ever has VITE_).
  envPrefix: 'IMAGEDECK_PUBLIC_',
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
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
        },
      },
    ],
  },
})
