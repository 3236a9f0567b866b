// The drawer's failure callout and the Versions tab's diff in both themes and languages, at
// 1440×900 and on a 390×844 phone, into docs/screenshots/. Part of `npm run screenshots`; alone:
// `npx tsx scripts/screenshots-drawer.ts` (after `npm run build`).
import type { Browser } from '@playwright/test'
import {
  api,
  isEntry,
  LANGUAGE_KEYS,
  openPage,
  settle,
  shoot,
  THEMES,
  VIEWPORTS,
  withAppAndBrowser,
} from './screenshots-common'

interface Item {
  CompShareImageId: string
  GroupId: string | null
  Status: string
  CreateTime: number
}

/** A traceback with a hint: the callout's summary line, hint and folded full text in one picture. */
async function pickTraceback(base: string): Promise<string> {
  const { groups } = await api<{
    groups: { key: string; reason: string; hint: unknown; images: { CompShareImageId: string }[] }[]
  }>(base, '/api/failures')
  const group = groups.find((g) => g.hint && g.reason.includes('Traceback')) ?? groups[0]
  const id = group?.images[0]?.CompShareImageId
  if (!id) throw new Error('the sandbox has no failed image')
  // Opened from its failure group, as a reviewer would: previous/next have somewhere to go.
  return `reason=${group.key}&image=${id}`
}

/** A failed version of a family of 3 or more with an Available version. */
async function pickFamily(base: string): Promise<string> {
  const { items } = await api<{ items: Item[] }>(base, '/api/images?failed=1&limit=100')
  for (const image of items) {
    if (!image.GroupId) continue
    const family = (
      await api<{ items: Item[] }>(base, `/api/images?q=${image.GroupId}&limit=100`)
    ).items.filter((i) => i.GroupId === image.GroupId)
    if (family.length >= 3 && family.some((i) => i.Status === 'Available'))
      return `q=${image.GroupId}&image=${image.CompShareImageId}`
  }
  throw new Error('no failed version in a family with an Available one')
}

/** drawer-failed[-phone]-<theme>-<lang>.png and versions-diff[-phone]-<theme>-<lang>.png. */
export async function shootDrawers(base: string, browser: Browser): Promise<void> {
  const failed = await pickTraceback(base)
  const family = await pickFamily(base)
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    const suffix = size === 'phone' ? '-phone' : ''
    for (const theme of THEMES) {
      for (const language of LANGUAGE_KEYS) {
        const page = await openPage(browser, theme, language, viewport)
        const drawer = page.getByTestId('image-drawer')

        await page.goto(`${base}/?${failed}`)
        await drawer.getByTestId('failure-hint').waitFor()
        await settle(page)
        await shoot(page, `drawer-failed${suffix}-${theme}-${language}`)

        await page.goto(`${base}/?${family}&tab=versions`)
        await drawer.getByTestId('readme-diff').waitFor()
        // The comparison, not the newest-available pointer above it (clear of the sticky tabs).
        await drawer.getByTestId('version-compare').evaluate((el) => {
          el.scrollIntoView({ block: 'start' })
          const scroller = el.closest('.overflow-y-auto')
          if (scroller) scroller.scrollTop -= 64
        })
        await settle(page)
        await shoot(page, `versions-diff${suffix}-${theme}-${language}`)
        await page.context().close()
      }
    }
  }
}

if (isEntry(import.meta.url)) await withAppAndBrowser(shootDrawers)
