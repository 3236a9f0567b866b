import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('j j Enter opens the second row; Escape closes it; [ and ] page; / searches', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  const { drawer } = dashboard
  await dashboard.goto()
  const ids = await dashboard.rowIds()

  await page.keyboard.press('j')
  await expect(dashboard.row(ids[0]!)).toBeFocused()
  await page.keyboard.press('j')
  await expect(dashboard.row(ids[1]!)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(drawer.root).toBeVisible()
  await dashboard.expectParam('image', ids[1]!)

  await page.keyboard.press('Escape')
  await expect(drawer.root).toBeHidden()
  await dashboard.expectParam('image', null)
  await expect(dashboard.row(ids[1]!)).toBeFocused()
  await page.keyboard.press('k')
  await expect(dashboard.row(ids[0]!)).toBeFocused()

  await page.keyboard.press(']')
  await dashboard.expectParam('page', '2')
  await expect.poll(async () => (await dashboard.rowIds())[0]).not.toBe(ids[0])
  await page.keyboard.press('[')
  await dashboard.expectParam('page', null)

  // `/` focuses the search box, where keys are text, not shortcuts.
  await page.keyboard.press('/')
  await expect(dashboard.searchBox).toBeFocused()
  await page.keyboard.type('jk[')
  await expect(dashboard.searchBox).toHaveValue('jk[')
  await dashboard.expectParam('page', null)
  await expect(drawer.root).toBeHidden()
})

test('rows are one Tab stop: Tab enters the list once and leaves it on the next press', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  const ids = await dashboard.rowIds()
  // From the last column header: one Tab reaches the rows. (Walking there from the search box, a
  // Tab and a check per toolbar button, took over 15 s on a loaded CI machine.)
  await page.getByRole('grid').locator('thead button').last().focus()
  const inGrid = () =>
    page.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: { activeElement: { closest(s: string): unknown } | null }
        }
      ).document
      return !!doc.activeElement?.closest('[role="grid"] tbody')
    })
  await page.keyboard.press('Tab')
  await expect(dashboard.row(ids[0]!)).toBeFocused()
  expect(await inGrid()).toBe(true)
  await page.keyboard.press('ArrowDown')
  await expect(dashboard.row(ids[1]!)).toBeFocused()
  await page.keyboard.press('Tab')
  expect(await inGrid()).toBe(false)
  // Shift+Tab comes back to the row last focused.
  await page.keyboard.press('Shift+Tab')
  await expect(dashboard.row(ids[1]!)).toBeFocused()
})

test('? opens the shortcuts dialog, in English and in Chinese', async ({ page }) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Next image')
  await expect(dialog).toContainText('Next page')
  // Shortcuts are off inside the dialog; Escape closes it.
  await page.keyboard.press('j')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await dashboard.chooseFromMenu('Language', '中文')
  await page.keyboard.press('?')
  const zh = page.getByRole('dialog', { name: '键盘快捷键' })
  await expect(zh).toBeVisible()
  await expect(zh).toContainText('下一页')
})
