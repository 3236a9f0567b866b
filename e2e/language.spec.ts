import { expect, test } from './fixtures'
import { DashboardPage, EN } from './pages/dashboard-page'

test('switching to 中文 translates the screen, sets <html lang> and survives a reload', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  const html = page.locator('html')
  await expect(html).toHaveAttribute('lang', 'en')
  await expect(dashboard.columnHeader('Status')).toBeVisible()

  await dashboard.chooseFromMenu(EN.language, '中文')
  await expect(html).toHaveAttribute('lang', 'zh-CN')
  await expect(dashboard.columnHeader('状态')).toBeVisible()
  await expect(dashboard.columnHeader('Status')).toHaveCount(0)
  await expect(page.getByRole('grid', { name: '自制镜像' })).toBeVisible()
  await expect(dashboard.total).toHaveText(/^共 [\d,]+ 个镜像$/)
  await expect(page.getByRole('searchbox', { name: '搜索镜像' })).toBeVisible()
  // The cells follow too, not only the chrome around them (UCloud's term for Available).
  const statusCells = page.getByRole('grid').locator('tbody td:nth-child(2)')
  await expect(statusCells.filter({ hasText: '可用' }).first()).toBeVisible()
  await expect(statusCells.filter({ hasText: /^Available$/ })).toHaveCount(0)

  await page.reload()
  await dashboard.waitForRows()
  await expect(html).toHaveAttribute('lang', 'zh-CN')
  await expect(dashboard.columnHeader('状态')).toBeVisible()

  // And back.
  await dashboard.chooseFromMenu('语言', 'English')
  await expect(html).toHaveAttribute('lang', 'en')
  await expect(dashboard.columnHeader('Status')).toBeVisible()
})
