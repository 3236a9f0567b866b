import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('a deep link to an image readme renders its markdown table and code block', async ({
  page,
  request,
}) => {
  const list = await request.get('/api/images?limit=1')
  expect(list.ok()).toBe(true)
  const { items } = (await list.json()) as { items: { CompShareImageId: string }[] }
  const id = items[0]!.CompShareImageId
  const detail = (await (await request.get(`/api/images/${id}`)).json()) as { Readme: string }
  // The sandbox's readmes carry a GFM table and fenced code; make sure this one does.
  expect(detail.Readme).toMatch(/^\|.*\|$/m)
  expect(detail.Readme).toContain('```')

  const dashboard = new DashboardPage(page)
  await page.goto(`/?image=${id}&tab=readme`)
  const { drawer } = dashboard
  await expect(drawer.root).toBeVisible()
  await expect(drawer.tab('Readme')).toHaveAttribute('aria-selected', 'true')

  const table = drawer.panel.getByRole('table')
  await expect(table).toBeVisible()
  await expect(table.getByRole('columnheader').first()).toBeVisible()
  expect(await table.getByRole('row').count()).toBeGreaterThan(1)
  const code = drawer.panel.locator('pre > code').first()
  await expect(code).toBeVisible()
  await expect(code).not.toBeEmpty()
  // Markdown, not source: no pipes or fences leak into the text.
  await expect(drawer.panel).not.toContainText('```')
  await expect(drawer.panel).not.toContainText('| --- |')

  // Behind the drawer (hidden from assistive tech while it is open) the list loaded too.
  await drawer.close()
  await dashboard.expectParam('image', null)
  await dashboard.waitForRows()
})
