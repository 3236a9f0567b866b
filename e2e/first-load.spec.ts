import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('first load shows the sandbox badge, rows and the total', async ({ page }) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()

  await expect(page.getByTestId('mode-badge')).toContainText('Sandbox')
  await expect(dashboard.total).toHaveText(/^\d[\d,]* images?$/)
  const total = await dashboard.totalCount()
  expect(total).toBeGreaterThan(0)
  await expect(dashboard.rows).toHaveCount(Math.min(total, 20))
  await expect(page.getByTestId('skeleton-row')).toHaveCount(0)
  // A clean view has a clean URL (design.md §6).
  expect(page.url()).toMatch(/\/$/)
})
