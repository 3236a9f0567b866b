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
