import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('typing in the search box puts q= in the URL and every row matches', async ({ page }) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  const unfiltered = await dashboard.totalCount()

  await dashboard.search('qwen')
  await dashboard.expectParam('q', 'qwen')
  await expect.poll(() => dashboard.totalCount()).toBeLessThan(unfiltered)
  expect(await dashboard.totalCount()).toBeGreaterThan(0)

  // Every sandbox image matching "qwen" has it in its name, which labels the row.
  const labels = await dashboard.rowLabels()
  expect(labels.length).toBeGreaterThan(0)
  for (const label of labels) expect(label.toLowerCase()).toContain('qwen')

  await expect(dashboard.searchBox).toHaveValue('qwen')
})
