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

  // The rows are the proxy's matches, in its order, and each has "qwen" in a searched field
  // (design.md §4: name, id, description, author, tags, failure reason; GroupId for versions).
  const ids = await dashboard.rowIds()
  expect(ids.length).toBeGreaterThan(0)
  const response = await page.request.get(`/api/images?q=qwen&limit=${ids.length}`)
  const { items } = (await response.json()) as { items: Record<string, unknown>[] }
  expect(items.map((image) => image.CompShareImageId)).toEqual(ids)
  for (const image of items) {
    const fields = ['Name', 'CompShareImageId', 'Description', 'Author', 'Tags', 'FailedReason']
    const searched = JSON.stringify([...fields, 'GroupId'].map((f) => image[f])).toLowerCase()
    expect(searched).toContain('qwen')
  }
  expect((await dashboard.rowLabels()).some((label) => /qwen/i.test(label))).toBe(true)

  await expect(dashboard.searchBox).toHaveValue('qwen')
})
