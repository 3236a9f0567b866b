import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('a row opens the drawer; tabs are in the URL; Escape closes it and focus returns to the row', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  const { drawer } = dashboard
  await dashboard.goto()
  const [id] = await dashboard.rowIds()
  const label = (await dashboard.rowLabels())[0]!
  const name = label.replace(/, open details$/, '')

  await dashboard.openImage(id!)
  await dashboard.expectParam('image', id!)
  await expect(drawer.root).toHaveAccessibleName(name)
  await expect(drawer.tab('Overview')).toHaveAttribute('aria-selected', 'true')
  await expect(drawer.root).toContainText(id!)

  await drawer.selectTab('Readme')
  await dashboard.expectParam('tab', 'readme')
  await expect(drawer.panel).toBeVisible()

  await drawer.selectTab('Software')
  await dashboard.expectParam('tab', 'software')

  await drawer.selectTab('JSON')
  await dashboard.expectParam('tab', 'json')
  await expect(drawer.panel).toContainText(`"CompShareImageId": "${id}"`)

  await drawer.close()
  await dashboard.expectParam('image', null)
  await dashboard.expectParam('tab', null)
  await expect(dashboard.row(id!)).toBeFocused()
})
