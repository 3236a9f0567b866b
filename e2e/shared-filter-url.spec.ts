import { serveExternalImagesLocally } from './external-images'
import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

// Reviewing images never change state in the sandbox (only Making ones advance), so two
// browsers a few seconds apart see the same list.
test('a status filter set in the UI is in the URL, and a fresh browser opening it sees the same rows', async ({
  page,
  browser,
  baseURL,
  locale,
  viewport,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  const unfiltered = await dashboard.totalCount()

  await dashboard.setFilter('Status', 'Reviewing')
  await dashboard.expectParam('status', 'Reviewing')
  await expect(page.getByRole('button', { name: 'Remove filter Status: Reviewing' })).toBeVisible()
  await expect.poll(() => dashboard.totalCount()).toBeLessThan(unfiltered)
  const total = await dashboard.totalCount()
  const ids = await dashboard.rowIds()
  expect(ids.length).toBeGreaterThan(0)

  // Another browser: no shared storage, cache or history; only the link.
  const context = await browser.newContext({ baseURL, locale, viewport })
  try {
    await serveExternalImagesLocally(context)
    const other = new DashboardPage(await context.newPage())
    const errors: string[] = []
    other.page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())))
    await other.page.goto(page.url())
    await other.waitForRows()
    await expect(other.filterButton('Status')).toContainText('Reviewing')
    expect(await other.totalCount()).toBe(total)
    expect(await other.rowIds()).toEqual(ids)
    expect(errors).toEqual([])
  } finally {
    await context.close()
  }
})
