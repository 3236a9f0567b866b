import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
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

/** The header's "Saved views" menu and its dialog, by role and name. */
class ViewsMenu {
  readonly trigger: Locator
  readonly menu: Locator
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.trigger = page.getByRole('button', { name: 'Saved views' })
    this.menu = page.getByRole('menu', { name: 'Saved views' })
    this.dialog = page.getByRole('dialog', { name: /Save this view|Saved views/ })
  }

  async open() {
    await this.trigger.click()
    await expect(this.menu).toBeVisible()
  }

  async save(name: string) {
    await this.open()
    await this.menu.getByRole('menuitem', { name: 'Save current view…' }).click()
    await this.dialog.getByRole('textbox', { name: 'Name' }).fill(name)
    await this.dialog.getByRole('button', { name: 'Save' }).click()
    await expect(this.dialog).toBeHidden()
  }

  async choose(name: string) {
    await this.open()
    await this.menu.getByRole('menuitemradio', { name }).click()
    await expect(this.menu).toBeHidden()
  }

  async manage() {
    await this.open()
    await this.menu.getByRole('menuitem', { name: 'Manage views…' }).click()
    await expect(this.dialog).toBeVisible()
  }
}

test.slow()

test('a saved view survives a reload and brings back its filters, sort and columns', async ({
  page,
}) => {
  const dashboard = dashboardOn(page)
  const views = new ViewsMenu(page)
  await dashboard.goto('?status=UnAvailable&sort=Name&order=asc&size=50')
  await page.getByRole('button', { name: 'View options' }).click()
  await page.getByRole('menuitemcheckbox', { name: 'Tags', exact: true }).click()
  await page.keyboard.press('Escape')
  await views.save('Broken, by name')

  // Somewhere else, columns changed back, then a reload.
  await dashboard.goto('?status=Making')
  await page.getByRole('button', { name: 'View options' }).click()
  await page.getByRole('menuitem', { name: 'Show all columns' }).click()
  await page.keyboard.press('Escape')
  await page.reload()
  await dashboard.waitForRows()
  await expect(dashboard.columnHeader('Tags')).toBeVisible()

  await views.choose('Broken, by name')
  await expect(page).toHaveURL(/\/\?status=UnAvailable&sort=Name&order=asc&size=50$/)
  await expect(dashboard.columnHeader('Tags')).toHaveCount(0)
  await expect(views.trigger).toContainText('Broken, by name')
  await views.open()
  await expect(views.menu.getByRole('menuitemradio', { name: 'Broken, by name' })).toBeChecked()
})

test('views are renamed, deleted, and moved between browsers as a JSON file', async ({ page }) => {
  const dashboard = dashboardOn(page)
  const views = new ViewsMenu(page)
  await dashboard.goto('?failed=1')
  await views.save('Failed')
  await views.manage()
  const { dialog } = views

  await dialog.getByRole('button', { name: 'Rename “Failed”' }).click()
  await dialog.getByRole('textbox', { name: 'New name for “Failed”' }).fill('Failed builds')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('button', { name: 'Failed builds', exact: true })).toBeVisible()

  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export' }).click()
  const file = await (await download).path()

  const input = dialog.getByTestId('views-import-file')
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"views": [{"name": 1}]'),
  })
  await expect(dialog.getByRole('alert')).toHaveText(
    '“notes.json” is not a JSON file. Nothing was imported.',
  )

  await dialog.getByRole('button', { name: 'Delete “Failed builds”' }).click()
  await expect(dialog.getByText('No saved views yet')).toBeVisible()
  await input.setInputFiles(file)
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 view.')
  await dialog.getByRole('button', { name: 'Failed builds', exact: true }).click()
  await expect(dialog).toBeHidden()
  await dashboard.expectParam('failed', '1')
})

test('the Views menu has no serious or critical axe violation, light and dark', async ({
  page,
}) => {
  test.setTimeout(180_000) // two full-page axe runs on a machine shared by parallel suites
  const dashboard = dashboardOn(page)
  const views = new ViewsMenu(page)
  await dashboard.goto()
  await views.save('Everything')
  // The "Saved" toast is not what is checked here: let it go (axe reads it mid-fade otherwise).
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 15_000 })
  for (const theme of ['Light', 'Dark']) {
    await dashboard.chooseFromMenu('Theme', theme)
    await expect(page.getByRole('menu')).toBeHidden()
    await views.open()
    const { violations } = await new AxeBuilder({ page }).analyze()
    const severe = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
    expect(severe, `${theme} theme`).toEqual([])
    await page.keyboard.press('Escape')
    await expect(views.menu).toBeHidden()
  }
})

const SHOT_VIEWS = {
  en: ['Failed this week', 'Making, newest first', '4090 PyTorch images'],
  zh: ['本周失败', '制作中，最新优先', '4090 PyTorch 镜像'],
} as const

/** docs/screenshots/views-<theme>-<en|zh>-<desktop|phone>.png: `npm run screenshots:e2e`. */
test('screenshots of the Views menu @screenshots', async ({ browser, baseURL }) => {
  test.setTimeout(240_000)
  for (const lng of ['en', 'zh'] as const) {
    const views = SHOT_VIEWS[lng].map((name, i) => ({
      id: `v${i}`,
      name,
      query: ['?failed=1', '?status=Making', '?gpu=RTX+4090&sort=Name&order=asc'][i],
      hidden: [['FavoritesCount', 'PubTime'], ['Price'], ['Tags']][i],
      savedAt: i,
    }))
    for (const theme of ['light', 'dark'] as const) {
      for (const device of ['desktop', 'phone'] as const) {
        const phone = device === 'phone'
        const context = await browser.newContext({
          baseURL,
          viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
          deviceScaleFactor: phone ? 2 : 1,
          isMobile: phone,
          hasTouch: phone,
          locale: lng === 'en' ? 'en-US' : 'zh-CN',
        })
        await context.addInitScript(
          `localStorage.setItem('imagedeck.views', ${JSON.stringify(JSON.stringify(views))});` +
            `localStorage.setItem('imagedeck.theme', '"${theme}"');`,
        )
        const page = await context.newPage()
        await serveExternalImagesLocally(page)
        await page.goto('/?failed=1')
        // Rows (desktop) or cards (phone) have loaded once a version label shows.
        await expect(page.getByText(/^v\d+\.\d+$/).first()).toBeVisible({ timeout: 60_000 })
        await page.getByTestId('views-menu').click()
        // Past the menu's enter transition.
        await expect(page.getByRole('menu')).toHaveCSS('opacity', '1')
        await page.screenshot({ path: `docs/screenshots/views-${theme}-${lng}-${device}.png` })
        await context.close()
      }
    }
  }
})
