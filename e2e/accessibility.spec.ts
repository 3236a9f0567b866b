import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

const SEVERE = new Set(['serious', 'critical'])

// Full-page axe runs take 10-20 s each on a busy 2-core CI machine; a journey runs two or three.
test.describe.configure({ timeout: 120_000 })
const DRAWER = '[data-testid="image-drawer"]'

/** axe over the page (WCAG 2.x A/AA and best practices): the serious and critical findings. */
async function severeViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page })
  if (include) builder = builder.include(include)
  const { violations } = await builder.analyze()
  return violations
    .filter((v) => SEVERE.has(v.impact ?? ''))
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }))
}

test('the main screen has no serious or critical axe violation, light and dark', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto('?status=UnAvailable,Available')
  expect(await severeViolations(page)).toEqual([])

  await dashboard.chooseFromMenu('Theme', 'Dark')
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  await expect(page.getByRole('menu')).toBeHidden()
  expect(await severeViolations(page)).toEqual([])
})

test('the open drawer has no serious or critical axe violation', async ({ page }) => {
  const dashboard = new DashboardPage(page)
  const { drawer } = dashboard
  // A failed image: the overview then shows the failure callout too.
  await dashboard.goto('?failed=1')
  const [id] = await dashboard.rowIds()
  await dashboard.openImage(id!)
  await expect(drawer.failureCallout).toBeVisible()
  // The page behind the modal is dimmed and inert; the dialog is what can be read and used.
  expect(await severeViolations(page, DRAWER)).toEqual([])

  await drawer.selectTab('Readme')
  await expect(drawer.panel.getByRole('table')).toBeVisible()
  expect(await severeViolations(page, DRAWER)).toEqual([])

  await drawer.selectTab('Versions')
  await expect(drawer.panel.getByRole('listitem').first()).toBeVisible()
  expect(await severeViolations(page, DRAWER)).toEqual([])
})

for (const theme of ['Light', 'Dark'] as const) {
  test(`the View menu and the shortcuts dialog have no serious or critical axe violation (${theme})`, async ({
    page,
  }) => {
    const dashboard = new DashboardPage(page)
    await dashboard.goto('?failed=1')
    await dashboard.chooseFromMenu('Theme', theme)
    await expect(page.getByRole('menu')).toBeHidden()

    await page.getByRole('button', { name: 'View options' }).click()
    await expect(page.getByRole('menu')).toBeVisible()
    expect(await severeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByRole('menu')).toBeHidden()

    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(dialog).toBeVisible()
    expect(await severeViolations(page)).toEqual([])
  })
}
