import { expect, test } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

interface FailureGroup {
  key: string
  count: number
  hint: { en: string } | null
}

test('step through a failure group in the drawer: next/previous and j/k keep the tab; Copy link; focus returns to the row last shown', async ({
  page,
  request,
  context,
}) => {
  const failures = (await (await request.get('/api/failures')).json()) as { groups: FailureGroup[] }
  const group = failures.groups.find((g) => g.count >= 3 && g.hint)
  expect(group, 'a failure group of 3 or more with a hint').toBeDefined()

  const dashboard = new DashboardPage(page)
  const { drawer } = dashboard
  await dashboard.goto({ reason: group!.key })
  const ids = await dashboard.rowIds()
  expect(ids).toHaveLength(group!.count)

  await dashboard.openImage(ids[0]!)
  await expect(drawer.position).toHaveText(`1 of ${ids.length}`)
  await expect(drawer.previousButton).toBeDisabled()
  // The cause and what to try, on the first screen of the drawer.
  await expect(drawer.failureSummary).not.toBeEmpty()
  await expect(drawer.failureHint).toContainText(group!.hint!.en)
  await drawer.selectTab('JSON')

  await drawer.nextButton.click()
  await dashboard.expectParam('image', ids[1]!)
  await dashboard.expectParam('tab', 'json')
  await expect(drawer.tab('JSON')).toHaveAttribute('aria-selected', 'true')
  await expect(drawer.panel).toContainText(`"CompShareImageId": "${ids[1]}"`)
  await expect(drawer.position).toHaveText(`2 of ${ids.length}`)

  // j/k while the drawer is open: the next and previous image, same tab.
  await page.keyboard.press('j')
  await dashboard.expectParam('image', ids[2]!)
  await expect(drawer.panel).toContainText(`"CompShareImageId": "${ids[2]}"`)
  await page.keyboard.press('k')
  await dashboard.expectParam('image', ids[1]!)
  await dashboard.expectParam('tab', 'json')
  await drawer.previousButton.click()
  await dashboard.expectParam('image', ids[0]!)

  // The link is this very view: the group, the image and the tab.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await drawer.copyLinkButton.click()
  const copied = await page.evaluate<string>('navigator.clipboard.readText()')
  expect(copied).toBe(page.url())
  expect(new URL(copied).searchParams.get('reason')).toBe(group!.key)

  await page.keyboard.press('j')
  await dashboard.expectParam('image', ids[1]!)
  await drawer.close()
  await expect(dashboard.row(ids[1]!)).toBeFocused()
})

test('on a 390×844 phone the drawer fits: the tab strip scrolls sideways, the header fits the screen', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const list = await request.get('/api/images?failed=1&limit=1')
  const [image] = ((await list.json()) as { items: { CompShareImageId: string }[] }).items
  const dashboard = new DashboardPage(page)
  const { drawer } = dashboard
  await page.goto(`/?image=${image!.CompShareImageId}`)
  await expect(drawer.root).toBeVisible()
  await expect(drawer.failureCallout).toBeVisible()

  const strip = await drawer.tabs.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    right: el.getBoundingClientRect().right,
  }))
  expect(strip.scroll).toBeGreaterThan(strip.client)
  expect(strip.right).toBeLessThanOrEqual(390)
  // The last tab is reached by scrolling the strip, not the page.
  await drawer.selectTab('JSON')
  await expect(drawer.tab('JSON')).toBeInViewport()
  await dashboard.expectParam('tab', 'json')
  const pageScroll = await page.evaluate<number>('document.documentElement.scrollWidth')
  expect(pageScroll).toBeLessThanOrEqual(390)
  for (const button of [drawer.previousButton, drawer.nextButton, drawer.copyLinkButton]) {
    await expect(button).toBeInViewport()
  }
})
