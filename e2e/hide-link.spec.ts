import type { Browser, Page } from '@playwright/test'
import { serveExternalImagesLocally } from './external-images'
import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

/** The list is a table, or a grid once rows take roving focus (issue 11 item 4): either role. */
function dashboardOn(page: Page): DashboardPage {
  const dashboard = new DashboardPage(page)
  const table = page.getByRole('grid').or(page.getByRole('table'))
  const rows = table.getByRole('row', { name: /(, open details|，查看详情)$/ })
  // The first rows can take a while on a loaded machine (the suites run in parallel).
  const waitForRows = () => expect(rows.first()).toBeVisible({ timeout: 30_000 })
  return Object.assign(dashboard, { table, rows, waitForRows })
}

const COLUMNS_KEY = 'imagedeck.columns'

/** Un-ticks (or ticks) a column in the toolbar's View menu, then closes it. */
async function toggleColumn(page: Page, label: string) {
  await page.getByRole('button', { name: 'View options' }).click()
  await page.getByRole('menuitemcheckbox', { name: label, exact: true }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toBeHidden()
}

/** What "Copy link" put on the clipboard (e2e/ is typed without the DOM library: a string). */
async function copyLink(page: Page): Promise<URL> {
  const read = async () => String(await page.evaluate('navigator.clipboard.readText()'))
  await page.evaluate('navigator.clipboard.writeText("-")')
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect.poll(read).not.toBe('-')
  return new URL(await read())
}

const storedColumns = (page: Page) =>
  page.evaluate(`localStorage.getItem(${JSON.stringify(COLUMNS_KEY)})`)

/** A second person: their own browser, with their own column choice already stored. */
async function teammate(browser: Browser, baseURL: string, ownChoice: Record<string, boolean>) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })
  // Only before the first visit: later loads must see what the app itself stored.
  const key = JSON.stringify(COLUMNS_KEY)
  await context.addInitScript(
    `if (!localStorage.getItem(${key})) localStorage.setItem(${key}, ${JSON.stringify(JSON.stringify(ownChoice))})`,
  )
  const page = await context.newPage()
  await serveExternalImagesLocally(page)
  return { context, dashboard: dashboardOn(page) }
}

test.slow()
test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('a hide link shows its columns in a fresh browser and leaves the opener’s own choice alone', async ({
  page,
  browser,
  baseURL,
}) => {
  const sender = dashboardOn(page)
  await sender.goto('?status=Available')
  // The defaults: Copy link writes no hide.
  expect((await copyLink(page)).searchParams.has('hide')).toBe(false)

  await toggleColumn(page, 'Tags')
  await expect(sender.columnHeader('Tags')).toHaveCount(0)
  const link = await copyLink(page)
  expect(link.searchParams.get('hide')).toBe(
    'CreatedCount,FavoritesCount,ImageType,PubTime,Tags,VersionName',
  )
  expect(link.searchParams.get('status')).toBe('Available')
  // The sender's own URL stays clean: the choice lives in local storage.
  await sender.expectParam('hide', null)

  const ownChoice = { Price: false, Size: false }
  const { context, dashboard } = await teammate(browser, baseURL!, ownChoice)
  await dashboard.goto(link.search)
  await expect(dashboard.columnHeader('Tags')).toHaveCount(0)
  await expect(dashboard.columnHeader('Price')).toBeVisible()
  await expect(dashboard.columnHeader('Size')).toBeVisible()
  await expect(dashboard.columnHeader('Status')).toBeVisible()
  expect(JSON.parse(String(await storedColumns(dashboard.page)))).toEqual(ownChoice)

  // Without the link, the teammate's own columns are back.
  await dashboard.goto('?status=Available')
  await expect(dashboard.columnHeader('Price')).toHaveCount(0)
  await expect(dashboard.columnHeader('Tags')).toBeVisible()
  await context.close()
})

test('changing columns while a hide link is open saves the change and drops hide', async ({
  page,
}) => {
  const dashboard = dashboardOn(page)
  await dashboard.goto('?hide=Price')
  await expect(dashboard.columnHeader('Price')).toHaveCount(0)
  // The link showed the default-hidden columns too (it lists every hidden one).
  await expect(dashboard.columnHeader('Published')).toBeVisible()

  await toggleColumn(page, 'Size')
  await dashboard.expectParam('hide', null)
  await expect(dashboard.columnHeader('Size')).toHaveCount(0)
  await expect(dashboard.columnHeader('Price')).toHaveCount(0)
  const stored = JSON.parse(String(await storedColumns(page))) as Record<string, boolean>
  expect(
    Object.keys(stored)
      .filter((id) => stored[id] === false)
      .sort(),
  ).toEqual(['Price', 'Size'])

  await page.reload()
  await dashboard.waitForRows()
  await expect(dashboard.columnHeader('Size')).toHaveCount(0)
  await expect(dashboard.columnHeader('Published')).toBeVisible()
})

test('"Copy link" is in the open drawer too, with the image and the columns', async ({ page }) => {
  const dashboard = dashboardOn(page)
  await dashboard.goto('?hide=Price')
  const [id] = await dashboard.rowIds()
  await dashboard.openImage(id!)
  const read = async () => String(await page.evaluate('navigator.clipboard.readText()'))
  await page.evaluate('navigator.clipboard.writeText("-")')
  await dashboard.drawer.root.getByRole('button', { name: 'Copy link' }).click()
  await expect.poll(read).not.toBe('-')
  const link = new URL(await read())
  expect(link.searchParams.get('image')).toBe(id)
  expect(link.searchParams.get('hide')).toBe('Price')
})
