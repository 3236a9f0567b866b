// `npx tsx scripts/screenshots-drawer.ts`: the drawer's failure callout and the Versions tab's
// diff in both themes and languages, at 1440×900 and on a 390×844 phone, into docs/screenshots/.
// Starts its own app in sandbox mode on free ports (as scripts/screenshots.ts does) and stops it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from '@playwright/test'
import { serveExternalImagesLocally } from '../e2e/external-images'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'docs', 'screenshots')
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } }
const THEMES = ['light', 'dark'] as const
const LANGUAGES = { en: 'en', zh: 'zh-CN' } as const

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      )
    })
  })
}

async function startApp(): Promise<{ base: string; child: ChildProcess }> {
  const [port, sandboxPort] = [await freePort(), await freePort()]
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
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
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
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

interface Item {
  CompShareImageId: string
  GroupId: string | null
  Status: string
  CreateTime: number
}

async function api<T>(base: string, path: string): Promise<T> {
  return (await (await fetch(`${base}${path}`)).json()) as T
}

/** A traceback with a hint: the callout's summary line, hint and folded full text in one picture. */
async function pickTraceback(base: string): Promise<string> {
  const { groups } = await api<{
    groups: { key: string; reason: string; hint: unknown; images: { CompShareImageId: string }[] }[]
  }>(base, '/api/failures')
  const group = groups.find((g) => g.hint && g.reason.includes('Traceback')) ?? groups[0]
  const id = group?.images[0]?.CompShareImageId
  if (!id) throw new Error('the sandbox has no failed image')
  // Opened from its failure group, as a reviewer would: previous/next have somewhere to go.
  return `reason=${group.key}&image=${id}`
}

/** A failed version of a family of 3 or more with an Available version. */
async function pickFamily(base: string): Promise<string> {
  const { items } = await api<{ items: Item[] }>(base, '/api/images?failed=1&limit=100')
  for (const image of items) {
    if (!image.GroupId) continue
    const family = (
      await api<{ items: Item[] }>(base, `/api/images?q=${image.GroupId}&limit=100`)
    ).items.filter((i) => i.GroupId === image.GroupId)
    if (family.length >= 3 && family.some((i) => i.Status === 'Available'))
      return `q=${image.GroupId}&image=${image.CompShareImageId}`
  }
  throw new Error('no failed version in a family with an Available one')
}

async function openPage(
  browser: Browser,
  theme: (typeof THEMES)[number],
  language: keyof typeof LANGUAGES,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'en-US',
    colorScheme: theme,
    reducedMotion: 'reduce',
    deviceScaleFactor: 1,
  })
  await context.addInitScript({
    content: `localStorage.setItem('imagedeck.theme', ${JSON.stringify(JSON.stringify(theme))});
      localStorage.setItem('imagedeck.language', ${JSON.stringify(LANGUAGES[language])});`,
  })
  await serveExternalImagesLocally(context)
  const page = await context.newPage()
  page.on('console', (m) => m.type() === 'error' && console.warn(`console error: ${m.text()}`))
  return page
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(`document.fonts.ready`)
  await page.mouse.move(2, 2)
  await page.waitForTimeout(300)
}

async function main() {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  const { base, child } = await startApp()
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const failed = await pickTraceback(base)
    const family = await pickFamily(base)
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const suffix = size === 'phone' ? '-phone' : ''
      for (const theme of THEMES) {
        for (const language of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
          const page = await openPage(browser, theme, language, viewport)
          const drawer = page.getByTestId('image-drawer')

          await page.goto(`${base}/?${failed}`)
          await drawer.getByTestId('failure-hint').waitFor()
          await settle(page)
          await page.screenshot({
            path: join(OUT, `drawer-failed${suffix}-${theme}-${language}.png`),
          })

          await page.goto(`${base}/?${family}&tab=versions`)
          const diff = drawer.getByTestId('readme-diff')
          await diff.waitFor()
          // The comparison, not the newest-available pointer above it (clear of the sticky tabs).
          await drawer.getByTestId('version-compare').evaluate((el) => {
            el.scrollIntoView({ block: 'start' })
            const scroller = el.closest('.overflow-y-auto')
            if (scroller) scroller.scrollTop -= 64
          })
          await settle(page)
          await page.screenshot({
            path: join(OUT, `versions-diff${suffix}-${theme}-${language}.png`),
          })
          console.log(`wrote drawer-failed${suffix}-${theme}-${language}, versions-diff…`)
          await page.context().close()
        }
      }
    }
  } finally {
    await browser.close()
    child.kill('SIGTERM')
  }
}

await main()
