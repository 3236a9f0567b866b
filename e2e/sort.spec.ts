import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

const MB: Record<string, number> = { MB: 1, GB: 1024, TB: 1024 * 1024 }

/** "53.7 GB" → MB (display rounding keeps the order: it is monotonic). */
function sizeInMb(text: string): number {
  const match = /^([\d.,]+)\s*(MB|GB|TB)$/.exec(text)
  expect(match, `a size: ${text}`).not.toBeNull()
  return Number(match![1]!.replace(/,/g, '')) * MB[match![2]!]!
}

test('clicking a column header sorts by it, in the URL and aria-sort, both ways', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  const size = dashboard.columnHeader('Size')
  await expect(size).toHaveAttribute('aria-sort', 'none')
  await expect(dashboard.columnHeader('Created')).toHaveAttribute('aria-sort', 'descending')

  // Sizes sort biggest first.
  await size.click()
  await dashboard.expectParam('sort', 'Size')
  await dashboard.expectParam('order', null)
  await expect(size).toHaveAttribute('aria-sort', 'descending')
  await expect(dashboard.columnHeader('Created')).toHaveAttribute('aria-sort', 'none')
  await expect
    .poll(async () => {
      const values = (await dashboard.columnValues('Size')).map(sizeInMb)
      return values.every((v, i) => i === 0 || values[i - 1]! >= v)
    })
    .toBe(true)
  const biggest = (await dashboard.columnValues('Size')).map(sizeInMb)

  // Again: smallest first.
  await size.click()
  await dashboard.expectParam('order', 'asc')
  await expect(size).toHaveAttribute('aria-sort', 'ascending')
  await expect
    .poll(async () => {
      const values = (await dashboard.columnValues('Size')).map(sizeInMb)
      return values.every((v, i) => i === 0 || values[i - 1]! <= v)
    })
    .toBe(true)
  const smallest = (await dashboard.columnValues('Size')).map(sizeInMb)
  expect(smallest[0]!).toBeLessThan(biggest[0]!)
})
