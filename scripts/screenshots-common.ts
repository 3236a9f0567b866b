// What scripts/screenshots.ts and scripts/screenshots-drawer.ts share: the app in sandbox mode on
// free ports, Chromium, a page with a theme and language chosen, waiting for a still picture.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from '@playwright/test'
import { serveExternalImagesLocally } from '../e2e/external-images'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const OUT = join(ROOT, 'docs', 'screenshots')
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const
export const THEMES = ['light', 'dark'] as const
export const LANGUAGES = { en: 'en', zh: 'zh-CN' } as const
export type Theme = (typeof THEMES)[number]
export type Language = keyof typeof LANGUAGES
export type Viewport = (typeof VIEWPORTS)[keyof typeof VIEWPORTS]
export const LANGUAGE_KEYS = Object.keys(LANGUAGES) as Language[]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/** The built app (`npm run build` first) in sandbox mode on free ports; resolves once it answers. */
export async function startApp(): Promise<{ base: string; child: ChildProcess }> {
  const [port, sandboxPort] = [await freePort(), await freePort()]
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Sandbox mode whatever the shell holds: screenshots show demo data, never an account.
      UCLOUD_PUBLIC_KEY: '',
      UCLOUD_PRIVATE_KEY: '',
      UCLOUD_PRIVATE_KEY_FILE: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      IMAGEDECK_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill('SIGTERM')
  throw new Error('the app did not answer /api/health within 120 s')
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

/** Debian's Chromium where installed (as e2e/playwright.config.ts), else Playwright's own. */
export function launchBrowser(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
}

/** The app, Chromium, then `shoot(base, browser)`; both stopped whatever happens. */
export async function withAppAndBrowser(
  shoot: (base: string, browser: Browser) => Promise<void>,
): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const { base, child } = await startApp()
  try {
    const browser = await launchBrowser()
    try {
      await shoot(base, browser)
    } finally {
      await browser.close()
    }
  } finally {
    await stopApp(child)
  }
}

/** A page with the theme and language already chosen (as the menus store them). */
export async function openPage(
  browser: Browser,
  theme: Theme,
  language: Language,
  viewport: Viewport = VIEWPORTS.desktop,
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'en-US',
    colorScheme: theme,
    reducedMotion: 'reduce',
    deviceScaleFactor: 1,
  })
  // (Scripts are typed without the DOM library, so browser-side code is passed as text.)
  await context.addInitScript({
    content: `localStorage.setItem('imagedeck.theme', ${JSON.stringify(JSON.stringify(theme))});
      localStorage.setItem('imagedeck.language', ${JSON.stringify(LANGUAGES[language])});`,
  })
  await serveExternalImagesLocally(context)
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  page.on('console', (message) => {
    if (message.type() === 'error')
      console.warn(`console error (${theme}, ${language}): ${message.text()}`)
  })
  return page
}

/** Fonts and images in place, the pointer out of the way (no hover highlight), nothing moving. */
export async function settle(page: Page): Promise<void> {
  // Lazy images out of view never load: wait for the others, at most 5 s.
  await page.evaluate(`(async () => {
    await document.fonts.ready
    const pending = [...document.images].filter((img) => !img.complete && img.loading !== 'lazy')
    await Promise.race([
      Promise.all(pending.map((img) => new Promise((resolve) => {
        img.addEventListener('load', resolve, { once: true })
        img.addEventListener('error', resolve, { once: true })
      }))),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ])
  })()`)
  const size = page.viewportSize()
  await page.mouse.move((size?.width ?? 2) - 2, (size?.height ?? 2) - 2)
  await page.waitForTimeout(300)
}

/** The list's rows (or a phone's cards) on screen, then settle. */
export async function settleList(page: Page): Promise<void> {
  await page.locator('[data-row-id]').first().waitFor()
  await page.getByTestId('skeleton-row').first().waitFor({ state: 'detached' })
  await settle(page)
}

export async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`)
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  console.log(`wrote ${path.slice(ROOT.length)}`)
}

export async function api<T>(base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`)
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`)
  return (await res.json()) as T
}

/** True when this module is the script node was asked to run (not imported by another). */
export function isEntry(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1]
}
