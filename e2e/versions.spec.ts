import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from './fixtures'
import { DashboardPage } from './pages/dashboard-page'

interface Item {
  CompShareImageId: string
  GroupId: string | null
  VersionName: string
  Status: string
  CreateTime: number
}

/** A failed version whose family (newest first) has 3 or more versions, one of them Available. */
async function failedVersionWithFamily(page: Page): Promise<{ image: Item; family: Item[] }> {
  // The whole list in pages of 100 (a few requests), then families by GroupId here.
  const all: Item[] = []
  for (let offset = 0; offset === all.length; offset += 100) {
    const res = await page.request.get(`/api/images?limit=100&offset=${offset}`)
    const { items } = (await res.json()) as { items: Item[] }
    if (items.length === 0) break
    all.push(...items)
  }
  const families = new Map<string, Item[]>()
  for (const item of all) {
    if (item.GroupId) families.set(item.GroupId, [...(families.get(item.GroupId) ?? []), item])
  }
  for (const image of all.filter((i) => i.Status === 'UnAvailable' && i.GroupId)) {
    const family = [...(families.get(image.GroupId!) ?? [])].sort(
      (a, b) => b.CreateTime - a.CreateTime,
    )
    if (family.length >= 3 && family.some((i) => i.Status === 'Available')) return { image, family }
  }
  throw new Error('the sandbox has no failed version in a family with an Available one')
}

function defaultPair(family: Item[], index: number): [Item, Item] {
  return index + 1 < family.length
    ? [family[index + 1]!, family[index]!]
    : [family[index]!, family[index - 1]!]
}

test('compare two versions of a family: fields, tags and the readme lines; a failed version links to the newest Available one', async ({
  page,
}) => {
  // Two axe passes over a long dialog on a shared machine.
  test.setTimeout(60_000)
  const { image, family } = await failedVersionWithFamily(page)
  const index = family.findIndex((i) => i.CompShareImageId === image.CompShareImageId)
  const newestAvailable = family.find((i) => i.Status === 'Available')!
  const dashboard = new DashboardPage(page)
  const { drawer } = dashboard

  await page.goto(`/?image=${image.CompShareImageId}&tab=versions`)
  await expect(drawer.tab('Versions')).toHaveAttribute('aria-selected', 'true')

  // By default the open version is compared with the one before it (or after, for the oldest).
  const [from, to] = defaultPair(family, index)
  await expect(drawer.compareSelect('From')).toHaveValue(from.CompShareImageId)
  await expect(drawer.compareSelect('To')).toHaveValue(to.CompShareImageId)

  // The newest Available version against this failed one: the status changed.
  await drawer.compareSelect('From').selectOption(newestAvailable.CompShareImageId)
  await drawer.compareSelect('To').selectOption(image.CompShareImageId)
  const fields = drawer.compare.getByTestId('compare-fields')
  await expect(fields.getByRole('row', { name: /^Status/ })).toHaveAttribute('data-changed', 'true')
  await expect(drawer.compare.getByTestId('compare-summary')).toHaveText(/fields? changed/)

  // The readme diff is a lazy chunk: lines added and removed, marked as such.
  const diff = drawer.compare.getByTestId('readme-diff')
  await expect(diff.or(drawer.compare.getByText('The readmes are the same.'))).toBeVisible()

  // Any two versions: the oldest against the newest.
  const oldest = family.at(-1)!
  const newest = family[0]!
  await drawer.compareSelect('From').selectOption(oldest.CompShareImageId)
  await drawer.compareSelect('To').selectOption(newest.CompShareImageId)
  await expect(fields.getByRole('columnheader').nth(1)).toHaveText(oldest.VersionName)
  await expect(fields.getByRole('columnheader').nth(2)).toHaveText(newest.VersionName)
  await expect(diff).toBeVisible()
  await expect(diff.locator('[data-kind="added"]').first()).toBeVisible()
  await expect(diff.locator('[data-kind="removed"]').first()).toBeVisible()
  await drawer.compare.getByRole('button', { name: 'Swap versions' }).click()
  await expect(drawer.compareSelect('From')).toHaveValue(newest.CompShareImageId)

  // The comparison reads well in both themes (axe: no serious or critical finding).
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const { violations } = await new AxeBuilder({ page })
      .include('[data-testid="image-drawer"]')
      .analyze()
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(severe.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([])
  }

  // A failed version points at the family's newest Available version; opening it keeps the tab.
  const pointer = drawer.panel.getByTestId('newest-available')
  await expect(pointer).toContainText(newestAvailable.VersionName)
  await pointer.getByRole('button', { name: `Open ${newestAvailable.VersionName}` }).click()
  await dashboard.expectParam('image', newestAvailable.CompShareImageId)
  await dashboard.expectParam('tab', 'versions')
  await expect(drawer.panel.getByTestId('newest-available')).toHaveCount(0)
  await expect(drawer.compare).toBeVisible()
})
