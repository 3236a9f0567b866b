import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('next page shows other rows with page=2 in the URL; Back shows page 1 again', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  expect(await dashboard.totalCount()).toBeGreaterThan(20)
  const first = await dashboard.rowIds()
  await expect(dashboard.pagination).toContainText(/Page 1 of \d+/)

  await dashboard.nextPage()
  await dashboard.expectParam('page', '2')
  await expect(dashboard.pagination).toContainText(/Page 2 of \d+/)
  await expect.poll(() => dashboard.rowIds()).not.toEqual(first)
  const second = await dashboard.rowIds()
  expect(second.filter((id) => first.includes(id))).toEqual([])

  await page.goBack()
  await dashboard.expectParam('page', null)
  await expect(dashboard.pagination).toContainText(/Page 1 of \d+/)
  await expect.poll(() => dashboard.rowIds()).toEqual(first)
})
