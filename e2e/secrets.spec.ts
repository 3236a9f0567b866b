import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'

/**
 * No key ever reaches the browser bundle: a production build made with the secrets in its
 * environment holds none of them in any file, source maps included. No browser needed; a vite
 * build is too slow for the unit suite, so it lives here.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SECRETS = {
  UCLOUD_PUBLIC_KEY: 'bundle-canary-public-key-7f3a9c',
  UCLOUD_PRIVATE_KEY: 'bundle-canary-private-key-4e1d8b2a6c',
  SANDBOX_PRIVATE_KEY: 'bundle-canary-sandbox-private-5b9e',
  IMAGEDECK_AUTH: 'admin:bundle-canary-password-93kd',
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

test('a production build holds no key or password from its environment', async () => {
  test.setTimeout(120_000)
  const outDir = mkdtempSync(join(tmpdir(), 'imagedeck-build-'))
  try {
    await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...SECRETS,
          // Public values may be inlined; they are set so the build sees a realistic environment.
          IMAGEDECK_PUBLIC_TITLE: 'ImageDeck canary build',
          IMAGEDECK_PUBLIC_DOCS_URL: 'https://example.invalid/docs',
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    )
    const files = filesUnder(outDir)
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true)
    expect(files.some((f) => f.endsWith('.js'))).toBe(true)
    // Source maps are on (vite.config.ts): they carry the sources, so they are searched too.
    expect(files.some((f) => f.endsWith('.js.map'))).toBe(true)
    // The values only: a help text may well name the variables.
    const needles = [...Object.values(SECRETS), SECRETS.IMAGEDECK_AUTH.split(':')[1]!]
    for (const file of files) {
      const text = readFileSync(file, 'latin1')
      for (const needle of needles) {
        expect(text.includes(needle), `${needle} in ${file.slice(outDir.length)}`).toBe(false)
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
})
