import { expect, test } from './fixtures'

test.use({ viewport: { width: 390, height: 844 } })

test('a 390×844 phone shows a failed image’s status and reason on screen, as a card', async ({
  page,
}) => {
  await page.goto('/?failed=1')
  const list = page.getByRole('list', { name: 'Custom images' })
  const card = list.getByRole('listitem').first()
  await expect(card).toBeVisible()
  await expect(
    card.getByText(/^Unavailable$|^Available$|^Offline$|^Making$|^Reviewing$/),
  ).toBeInViewport()
  const reason = card.getByTestId('failure-reason')
  await expect(reason).toBeInViewport()
  expect((await reason.textContent())?.length).toBeGreaterThan(10)
  // Nothing to scroll sideways, and the list starts near the top.
  expect(
    await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    ),
  ).toBeLessThanOrEqual(390)
  const toolbar = await page.getByRole('toolbar').boundingBox()
  expect(toolbar!.y + toolbar!.height).toBeLessThanOrEqual(200)

  // The card's name opens the image.
  await card.getByRole('button', { name: /, open details$/ }).click()
  await expect(page.getByTestId('image-drawer')).toBeVisible()
})

// Issue 10 item 6: the header and toolbar take at most ~160 px above the first card.
const PHONE_TEXT = {
  'en-US': {
    list: 'Custom images',
    status: /^(Unavailable|Available|Offline|Making|Reviewing)$/,
    filters: /^Filters/,
    failedOnly: /^Failed only/,
    activeFilters: 'Active filters',
    scope: /^Zone, project and refresh/,
    zone: 'Region and zone',
    refresh: 'Refresh',
  },
  'zh-CN': {
    list: '自制镜像',
    status: /^(不可用|可用|已下线|制作中|审核中)$/,
    filters: /^筛选/,
    failedOnly: /^仅看失败/,
    activeFilters: '当前筛选',
    scope: /^可用区、项目与刷新/,
    zone: '地域和可用区',
    refresh: '刷新',
  },
} as const

for (const [locale, text] of Object.entries(PHONE_TEXT)) {
  test.describe(`a 390×844 phone in ${locale}`, () => {
    test.use({ locale })

    test('the first card starts within 160 px, filtered or not, and the folded controls are one tap away', async ({
      page,
    }) => {
      // A project makes the zone button's label longer: it truncates, the header stays one line.
      for (const path of ['/?project=org-ml-team', '/', '/?failed=1']) {
        await page.goto(path)
        const card = page.getByRole('list', { name: text.list }).getByRole('listitem').first()
        await expect(card).toBeVisible({ timeout: 20_000 })
        await expect(page.getByTestId('skeleton-row')).toHaveCount(0)
        const box = (await card.boundingBox())!
        expect(box.y, `the first card's top on ${path}`).toBeLessThanOrEqual(160)
        const header = (await page.getByRole('banner').boundingBox())!
        expect(header.height, `the header's height on ${path}`).toBeLessThanOrEqual(60)
      }
      // On /?failed=1 the first card's status and reason are on screen.
      const card = page.getByRole('list', { name: text.list }).getByRole('listitem').first()
      await expect(card.getByText(text.status)).toBeInViewport()
      await expect(card.getByTestId('failure-reason')).toBeInViewport()

      // Filters unfolds the filter buttons and the chips…
      const filters = page.getByRole('toolbar').getByRole('button', { name: text.filters })
      await expect(filters).toHaveAttribute('aria-expanded', 'false')
      await filters.click()
      await expect(filters).toHaveAttribute('aria-expanded', 'true')
      const failedOnly = page.getByRole('toolbar').getByRole('button', { name: text.failedOnly })
      await expect(failedOnly).toBeInViewport()
      await expect(failedOnly).toHaveAttribute('aria-pressed', 'true')
      await expect(page.getByRole('group', { name: text.activeFilters })).toBeInViewport()

      // …and the zone button unfolds the zone, the project and Refresh.
      const scope = page.getByRole('banner').getByRole('button', { name: text.scope })
      await scope.click()
      await expect(scope).toHaveAttribute('aria-expanded', 'true')
      await expect(page.getByRole('combobox', { name: text.zone })).toBeInViewport()
      await expect(page.getByRole('button', { name: text.refresh, exact: true })).toBeInViewport()
    })
  })
}
