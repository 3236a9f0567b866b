import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('bad URL values are dropped with a visible notice and the page still works', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto('?status=Bogus&page=-3&sort=Nope')

  await expect(dashboard.droppedNotice).toBeVisible()
  await expect(dashboard.droppedNotice).toContainText('status=Bogus')
  await expect(dashboard.droppedNotice).toContainText('page=-3')
  await expect(dashboard.droppedNotice).toContainText('sort=Nope')
  // The URL is cleaned to what was understood: the default view.
  await dashboard.expectParam('status', null)
  await dashboard.expectParam('page', null)
  await dashboard.expectParam('sort', null)

  const total = await dashboard.totalCount()
  expect(total).toBeGreaterThan(20)
  await expect(dashboard.rows).toHaveCount(20)
  await dashboard.nextPage()
  await dashboard.expectParam('page', '2')

  await dashboard.droppedNotice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(dashboard.droppedNotice).toBeHidden()
})
