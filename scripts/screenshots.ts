// `npm run screenshots`: README screenshots of the real app in sandbox mode, both themes and
// languages, at 1440×900. Starts its own server on free ports and stops it when done.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from '@playwright/test'
import { serveExternalImagesLocally } from '../e2e/external-images'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'docs', 'screenshots')
const VIEWPORT = { width: 1440, height: 900 }
const THEMES = ['light', 'dark'] as const
const LANGUAGES = { en: 'en', zh: 'zh-CN' } as const
type Theme = (typeof THEMES)[number]
type Language = keyof typeof LANGUAGES

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

async function startApp(): Promise<{ base: string; child: ChildProcess }> {
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
      const res = await fetch(`${base}/api/health`)
      if (res.ok) return { base, child }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill('SIGTERM')
  throw new Error('the app did not answer /api/health within 120 s')
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

/** A page with the theme and language already chosen (as the menus store them). */
async function openPage(browser: Browser, theme: Theme, language: Language): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
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
  page.on('console', (message) => {
    if (message.type() === 'error')
      console.warn(`console error (${theme}, ${language}): ${message.text()}`)
  })
  return page
}

/** Rows, fonts and images in place; nothing still animating. */
async function settle(page: Page): Promise<void> {
  await page.locator('tr[data-row-id]').first().waitFor()
  await page.getByTestId('skeleton-row').first().waitFor({ state: 'detached' })
  await page.evaluate(`(async () => {
    await document.fonts.ready
    await Promise.all([...document.images].filter((img) => !img.complete).map((img) =>
      new Promise((resolve) => img.addEventListener('load', resolve, { once: true }))))
  })()`)
  // The pointer rests outside the table: no hover highlight in the picture.
  await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height - 2)
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`)
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  console.log(`wrote ${path.slice(ROOT.length)}`)
}

interface ListItem {
  CompShareImageId: string
  Name: string
}

async function listImages(base: string, query: string): Promise<ListItem[]> {
  const res = await fetch(`${base}/api/images?${query}`)
  return ((await res.json()) as { items: ListItem[] }).items
}

/** A failed image with a short name: the drawer's failure callout is the point of the picture. */
async function pickFailedImage(base: string): Promise<string> {
  const items = await listImages(base, 'failed=1&limit=100')
  const image = items.find((i) => i.Name.length <= 40) ?? items[0]
  if (!image) throw new Error('the sandbox has no failed image')
  return image.CompShareImageId
}

/** An image with an English readme holding a table and a code block. */
async function pickReadmeImage(base: string): Promise<string> {
  for (const item of await listImages(base, 'status=Available&limit=50')) {
    if (!/^[\x20-\x7e]+$/.test(item.Name)) continue
    const res = await fetch(`${base}/api/images/${item.CompShareImageId}`)
    const { Readme } = (await res.json()) as { Readme?: string }
    if (Readme && /^\|.*\|$/m.test(Readme) && Readme.includes('```')) return item.CompShareImageId
  }
  throw new Error('no sandbox image has an English readme with a table and code')
}

async function main() {
  mkdirSync(OUT, { recursive: true })
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  const { base, child } = await startApp()
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const failed = await pickFailedImage(base)
    const readme = await pickReadmeImage(base)
    for (const theme of THEMES) {
      for (const language of Object.keys(LANGUAGES) as Language[]) {
        const page = await openPage(browser, theme, language)
        await page.goto(`${base}/`)
        await settle(page)
        await shoot(page, `main-${theme}-${language}`)

        await page.goto(`${base}/?image=${failed}`)
        await settle(page)
        await page.getByTestId('failure-callout').waitFor()
        await shoot(page, `drawer-${theme}-${language}`)

        if (theme === 'light' && language === 'en') {
          await page.goto(`${base}/?image=${readme}&tab=readme`)
          await settle(page)
          // The table and the code below it, rather than the readme's cover picture.
          const table = page.getByTestId('image-drawer').getByRole('tabpanel').getByRole('table')
          await table.evaluate((el) => el.scrollIntoView({ block: 'center' }))
          await shoot(page, `drawer-readme-${theme}-${language}`)
        }
        await page.context().close()
      }
    }
  } finally {
    await browser.close()
    await stopApp(child)
  }
}

await main()
