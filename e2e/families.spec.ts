import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('"Latest version only" shows one row per family; "+N versions" opens the Versions tab', async ({
  page,
  request,
}) => {
  // The families, counted from the whole list (an image without a GroupId is a family of one).
  const families = new Set<string>()
  let total = Infinity
  for (let offset = 0; offset < total; offset += 100) {
    const res = await request.get(`/api/images?limit=100&offset=${offset}`)
    expect(res.ok()).toBe(true)
    const body = (await res.json()) as {
      total: number
      items: { GroupId: string | null; CompShareImageId: string }[]
    }
    total = body.total
    for (const image of body.items) families.add(image.GroupId ?? `id:${image.CompShareImageId}`)
  }
  expect(families.size).toBeLessThan(total)

  const dashboard = new DashboardPage(page)
  const { drawer } = dashboard
  await dashboard.goto()
  const latest = page.getByRole('toolbar').getByRole('button', { name: 'Latest version only' })
  await latest.click()
  await dashboard.expectParam('latest', '1')
  await expect(latest).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => dashboard.totalCount()).toBe(families.size)
  await latest.click()
  await dashboard.expectParam('latest', null)
  await expect.poll(() => dashboard.totalCount()).toBe(total)

  // Every row shows its version beside the name.
  await expect(dashboard.rows.first()).toContainText(/v\d+\.\d+/)
  const more = dashboard.table.getByRole('button', { name: /^\+\d+ versions?$/ }).first()
  await expect(more).toBeVisible()
  const others = Number(/\d+/.exec((await more.textContent()) ?? '')![0])
  await more.click()
  await expect(drawer.root).toBeVisible()
  await dashboard.expectParam('tab', 'versions')
  await expect(
    drawer.panel.getByRole('list', { name: 'All versions' }).getByRole('listitem'),
  ).toHaveCount(others + 1)
})
