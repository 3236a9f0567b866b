import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

test('"Failed only" puts failed=1 in the URL and every row shows its failure reason', async ({
  page,
  request,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  const unfiltered = await dashboard.totalCount()

  await expect(dashboard.failedOnly).toHaveAttribute('aria-pressed', 'false')
  await dashboard.failedOnly.click()
  await expect(dashboard.failedOnly).toHaveAttribute('aria-pressed', 'true')
  await dashboard.expectParam('failed', '1')
  await expect.poll(() => dashboard.totalCount()).toBeLessThan(unfiltered)
  const total = await dashboard.totalCount()
  expect(total).toBeGreaterThan(0)
  // The button's count badge agrees with the list.
  await expect(dashboard.failedOnly).toContainText(String(total))

  // The reasons the API has for these images, each shown in its row (up to two lines of it).
  const res = await request.get('/api/images?failed=1&limit=100')
  const { items } = (await res.json()) as {
    items: { CompShareImageId: string; FailedReason: string }[]
  }
  const reasons = new Map(items.map((i) => [i.CompShareImageId, i.FailedReason]))
  const ids = await dashboard.rowIds()
  expect(ids).toHaveLength(Math.min(total, 20))
  for (const id of ids) {
    const reason = reasons.get(id)
    expect(reason, `failure reason of ${id}`).toBeTruthy()
    const text = dashboard.row(id).getByTestId('failure-reason')
    await expect(text).toHaveText(reason!)
    await expect(text).toBeVisible()
  }

  // The full reason from the keyboard: → from a row reaches it and shows it in a tooltip.
  const first = dashboard.row(ids[0]!)
  await first.focus()
  // Past the row's own buttons (copy id, other versions) to the reason.
  await expect(async () => {
    await page.keyboard.press('ArrowRight')
    await expect(first.getByTestId('failure-reason')).toBeFocused({ timeout: 100 })
  }).toPass({ intervals: [0], timeout: 5_000 })
  await expect(page.getByRole('tooltip')).toHaveText(reasons.get(ids[0]!)!)
  await page.keyboard.press('Escape')

  await dashboard.failedOnly.click()
  await dashboard.expectParam('failed', null)
  await expect.poll(() => dashboard.totalCount()).toBe(unfiltered)
})
