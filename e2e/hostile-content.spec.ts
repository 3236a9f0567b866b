import { expect, test, type Page } from './fixtures'
import { FIXTURE_APP_PORT } from './playwright.config'
import { fixtureServerImages } from './readme-bombs'
import { HOSTILE_COUNT, hostileId, hostileImages, INLINE_PAYLOADS } from './xss-corpus'

/**
 * Hardening §4: every attacker-controlled field (names, descriptions, tags, failure reasons,
 * version notes, software, readmes, covers...) carries the known XSS families. Nothing may run,
 * and nothing active may reach the DOM, on the list or on any tab of any drawer.
 */

test.use({ baseURL: `http://127.0.0.1:${FIXTURE_APP_PORT}` })

const IMAGES = hostileImages()
/** The fixture server's images: this corpus and readme-timing.spec.ts's readmes, one fixture. */
const FIXTURE = fixtureServerImages()
const HTTPS_COVERS = new Set(IMAGES.filter((image) => String(image.Cover).startsWith('https://')))
const TABS = ['Overview', 'Readme', 'Software', 'Versions', 'JSON'] as const

/** The little of the DOM the in-page audit uses (e2e/ is typed without the DOM library). */
interface AuditElement {
  tagName: string
  outerHTML: string
  textContent: string | null
  attributes: ArrayLike<{ name: string; value: string }>
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  closest(selector: string): AuditElement | null
  querySelectorAll(selector: string): ArrayLike<AuditElement>
}
interface MutationLike {
  type: string
  target: unknown
  addedNodes: ArrayLike<unknown>
}
interface AuditGlobal {
  document: AuditElement
  location: { href: string; origin: string }
  Element: abstract new () => AuditElement
  MutationObserver: new (callback: (records: MutationLike[]) => void) => {
    observe(target: unknown, options: Record<string, boolean>): void
  }
  __hostileAudit: () => { now: string[]; ever: string[] }
}

/**
 * Installed in the page before the app runs (an init script, so the page's CSP does not apply):
 * a checker for one element, a MutationObserver that runs it on everything ever added or changed
 * (a node injected and then cleaned up would escape a later scan), and a whole-document audit.
 */
function installAudit() {
  const page = globalThis as unknown as AuditGlobal
  // Browsers drop ASCII whitespace and control characters inside a scheme: "java\tscript:".
  const squash = (value: string) =>
    Array.from(value)
      .filter((char) => char.charCodeAt(0) > 0x20)
      .join('')
  const BAD_SCHEME = /(javascript|data|vbscript):/i
  const URL_ATTRS = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'srcset',
    'srcdoc',
    'poster',
    'background',
    'data',
    'cite',
    'longdesc',
    'ping',
    'codebase',
    'dynsrc',
    'lowsrc',
    'content',
  ])
  const FORBIDDEN = /^(iframe|frame|frameset|object|embed|applet|base|form|portal|noscript)$/i
  const snippet = (el: AuditElement) => el.outerHTML.slice(0, 140)

  const elementProblems = (el: AuditElement): string[] => {
    const problems: string[] = []
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      const value = squash(attr.value)
      if (name.startsWith('on')) problems.push(`${name} attribute: ${snippet(el)}`)
      if ((URL_ATTRS.has(name) || name.endsWith(':href')) && BAD_SCHEME.test(value)) {
        problems.push(`${name} URL: ${snippet(el)}`)
      }
      if (
        name === 'style' &&
        (BAD_SCHEME.test(value) || /expression\(|@import|url\(/i.test(value))
      ) {
        problems.push(`style: ${snippet(el)}`)
      }
    }
    const tag = el.tagName.toLowerCase()
    if (FORBIDDEN.test(tag) || (tag === 'meta' && el.hasAttribute('http-equiv'))) {
      problems.push(`injected <${tag}>: ${snippet(el)}`)
    }
    if (tag === 'script') {
      // Only the bundle's own module scripts, by src, never inline.
      const src = el.getAttribute('src') ?? ''
      if (!src.startsWith('/assets/') || !src.endsWith('.js') || el.textContent !== '') {
        problems.push(`script: ${snippet(el)}`)
      }
    }
    if (tag === 'style' && /@import|javascript:|__xss|expression\(/i.test(el.textContent ?? '')) {
      problems.push(`style element: ${snippet(el)}`)
    }
    if (tag === 'link') {
      // The bundle's stylesheet, the favicon and module preloads (Vite adds those for lazy chunks).
      const url = new URL(el.getAttribute('href') ?? '', page.location.href)
      const own = url.origin === page.location.origin && /^\/(assets\/|favicon)/.test(url.pathname)
      if (!own || el.closest('body')) problems.push(`link: ${snippet(el)}`)
    }
    return problems
  }

  const ever: string[] = []
  const check = (node: unknown) => {
    if (!(node instanceof page.Element)) return
    for (const el of [node, ...Array.from(node.querySelectorAll('*'))]) {
      ever.push(...elementProblems(el))
    }
  }
  new page.MutationObserver((records) => {
    for (const record of records) {
      // A changed attribute: that element alone (Radix toggles attributes on big containers).
      if (record.type === 'attributes' && record.target instanceof page.Element) {
        ever.push(...elementProblems(record.target))
      }
      Array.from(record.addedNodes).forEach(check)
    }
  }).observe(page.document, { subtree: true, childList: true, attributes: true })

  Object.defineProperty(page, '__hostileAudit', {
    value: () => ({
      now: Array.from(page.document.querySelectorAll('*')).flatMap(elementProblems),
      ever: [...ever],
    }),
  })
}

/** Traps every way a payload could report itself, before the app's first byte runs. */
async function armTraps(page: Page): Promise<{ fired: string[] }> {
  const fired: string[] = []
  await page.exposeFunction('__xss', (id: unknown) => fired.push(`__xss(${String(id)})`))
  page.on('dialog', (dialog) => {
    fired.push(`${dialog.type()}(${dialog.message()})`)
    void dialog.dismiss().catch(() => {})
  })
  page.on('popup', (popup) => fired.push(`popup ${popup.url()}`))
  // "//evil.example/x.png" must not become a protocol-relative request; https covers may load.
  page.on('request', (request) => {
    if (/^(?!https:)[a-z]+:\/\/evil\.example/i.test(request.url())) {
      fired.push(`request ${request.url()}`)
    }
  })
  page.on('framenavigated', (frame) => {
    if (/^(javascript|data|vbscript):/i.test(frame.url())) fired.push(`navigated ${frame.url()}`)
  })
  await page.addInitScript(installAudit)
  return { fired }
}

async function expectClean(page: Page, fired: string[], where: string) {
  const found = await page.evaluate(() => (globalThis as unknown as AuditGlobal).__hostileAudit())
  expect(found.now, `active content in the DOM (${where})`).toEqual([])
  expect(found.ever, `active content added at some point (${where})`).toEqual([])
  expect(fired, `payloads that ran (${where})`).toEqual([])
}

async function waitForPanel(page: Page, tab: (typeof TABS)[number]) {
  const drawer = page.getByTestId('image-drawer')
  const panel = drawer.getByRole('tabpanel')
  await expect(drawer.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
  // Raw HTML in the readme is shown as text: neither parsed nor silently dropped.
  if (tab === 'Readme') {
    await expect(panel.locator('[data-slot="readme"]')).toContainText('<img src=x onerror=')
  }
  if (tab === 'Overview') await expect(panel.getByText('Identity')).toBeVisible()
  if (tab === 'Software') await expect(panel.getByText('Applications')).toBeVisible()
  if (tab === 'Versions') await expect(panel.locator('[aria-current="true"]')).toBeVisible()
  if (tab === 'JSON') {
    await expect(drawer.getByLabel('Raw record as returned by the proxy')).toContainText(
      '"CompShareImageId"',
    )
  }
}

async function openList(page: Page) {
  await page.goto('/?size=50')
  await expect(page.locator('tbody tr[data-row-id]')).toHaveCount(FIXTURE.length)
}

test.beforeEach(async ({ sandbox }) => {
  // Idempotent, so the tests of this file may run in parallel against the one fixture server
  // (8183 serves this file alone). Never cleared: a worker finishing must not pull the fixture
  // from under another one still visiting drawers.
  await sandbox.setFixture(FIXTURE)
})

test('the CSP on / forbids inline script', async ({ request }) => {
  const response = await request.get('/')
  expect(response.ok()).toBe(true)
  const csp = response.headers()['content-security-policy']
  expect(csp, 'Content-Security-Policy header').toBeTruthy()
  const directives = new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  )
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src')
  expect(scriptSrc, 'script-src (or default-src)').toBeDefined()
  expect(scriptSrc).not.toContain("'unsafe-inline'")
  expect(scriptSrc).not.toContain("'unsafe-eval'")
  expect(scriptSrc).not.toContain('data:')
  expect(directives.get('object-src')).toEqual(["'none'"])
  expect(directives.get('base-uri')).toEqual(["'none'"])
})

test('the list shows hostile names, tags and failure reasons as text and runs none of them', async ({
  page,
}) => {
  const { fired } = await armTraps(page)
  await openList(page)
  for (const image of IMAGES) {
    const row = page.locator(`tbody tr[data-row-id="${String(image.CompShareImageId)}"]`)
    await expect(row).toContainText(String(image.Name))
    const tags = image.Tags as string[]
    await expect(row.getByRole('button', { name: tags[0]! })).toBeVisible()
    // Only an absolute https cover becomes an <img>; javascript:, data:, "//host" and the rest don't.
    await expect(row.locator('img')).toHaveCount(Number(HTTPS_COVERS.has(image)))
  }
  for (const image of IMAGES.filter((record) => record.FailedReason)) {
    const row = page.locator(`tbody tr[data-row-id="${String(image.CompShareImageId)}"]`)
    await expect(row).toContainText(String(image.FailedReason).split('\n')[0]!)
  }
  // Free text search over the payloads: the query echoes into the URL, the input and a chip.
  await page.getByRole('searchbox').fill(INLINE_PAYLOADS[0]!.text)
  await expect(page).toHaveURL(/[?&]q=/)
  await expectClean(page, fired, 'list')
})

// Split so the drawers are visited by several workers at once; the fixture is the same for all.
const CHUNKS = 2
for (let chunk = 0; chunk < CHUNKS; chunk++) {
  const ids = Array.from({ length: HOSTILE_COUNT }, (_, i) => hostileId(i)).filter(
    (_, i) => i % CHUNKS === chunk,
  )

  test(`every tab of every drawer is inert, part ${chunk + 1} of ${CHUNKS}`, async ({ page }) => {
    // Every tab of every hostile image, each readme rendered in chunks as it scrolls in.
    test.setTimeout(120_000)
    const { fired } = await armTraps(page)
    await openList(page)
    const drawer = page.getByTestId('image-drawer')
    for (const id of ids) {
      const row = page.locator(`tbody tr[data-row-id="${id}"]`)
      await row.focus()
      await row.press('Enter')
      // The dialog is named by the hostile name, verbatim: text, not markup.
      const name = String(IMAGES.find((image) => image.CompShareImageId === id)!.Name)
      await expect(page.getByRole('dialog', { name })).toBeVisible()
      for (const tab of TABS) {
        await drawer.getByRole('tab', { name: tab }).click()
        await waitForPanel(page, tab)
        await expectClean(page, fired, `${id} ${tab}`)
      }
      await page.keyboard.press('Escape')
      await expect(drawer).toBeHidden()
    }
    await expectClean(page, fired, 'after all drawers')
  })
}
