import { expect, test } from './fixtures'
import { DashboardPage, EN } from './pages/dashboard-page'

test('dark mode from the theme menu changes the colours and survives a reload', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page)
  await dashboard.goto()
  const html = page.locator('html')
  const body = page.locator('body')
  // (e2e/ is typed without the DOM library: reach the window through the element.)
  const background = () =>
    body.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor)
  await expect(html).not.toHaveClass(/\bdark\b/)
  const light = await background()

  await dashboard.chooseFromMenu(EN.theme, 'Dark')
  await expect(html).toHaveClass(/\bdark\b/)
  await expect.poll(background).not.toBe(light)
  const dark = await background()

  await page.reload()
  await dashboard.waitForRows()
  await expect(html).toHaveClass(/\bdark\b/)
  expect(await background()).toBe(dark)

  await dashboard.chooseFromMenu(EN.theme, 'Light')
  await expect(html).not.toHaveClass(/\bdark\b/)
  await expect.poll(background).toBe(light)
})
