// `npm run screenshots` (after `npm run build`): the README's screenshots of the real app in
// sandbox mode, both themes and languages, at 1440×900 and on a 390×844 phone, into
// docs/screenshots/. Starts its own app on free ports and stops it when done. The triage view's
// and the Views menu's pictures come from their journeys: `npm run screenshots:e2e`.
import type { Browser } from '@playwright/test'
import { shootDrawers } from './screenshots-drawer'
import {
  api,
  LANGUAGE_KEYS,
  openPage,
  settle,
  settleList,
  shoot,
  THEMES,
  VIEWPORTS,
  withAppAndBrowser,
} from './screenshots-common'

interface ListItem {
  CompShareImageId: string
  Name: string
}

const listImages = async (base: string, query: string) =>
  (await api<{ items: ListItem[] }>(base, `/api/images?${query}`)).items

/** A failed image with a short name: the drawer's failure callout is the point of the picture. */
async function pickFailedImage(base: string): Promise<string> {
  const items = await listImages(base, 'failed=1&limit=100')
  const image = items.find((i) => i.Name.length <= 40) ?? items[0]
  if (!image) throw new Error('the sandbox has no failed image')
  return image.CompShareImageId
}

/** An image with an English readme holding a table and a code block. */
async function pickReadmeImage(base: string): Promise<string> {
  for (const item of await listImages(base, 'status=Available&limit=50')) {
    if (!/^[\x20-\x7e]+$/.test(item.Name)) continue
    const { Readme } = await api<{ Readme?: string }>(base, `/api/images/${item.CompShareImageId}`)
    if (Readme && /^\|.*\|$/m.test(Readme) && Readme.includes('```')) return item.CompShareImageId
  }
  throw new Error('no sandbox image has an English readme with a table and code')
}

async function shootAll(base: string, browser: Browser): Promise<void> {
  const failed = await pickFailedImage(base)
  const readme = await pickReadmeImage(base)
  for (const theme of THEMES) {
    for (const language of LANGUAGE_KEYS) {
      const page = await openPage(browser, theme, language)
      await page.goto(`${base}/`)
      await settleList(page)
      await shoot(page, `main-${theme}-${language}`)

      await page.goto(`${base}/?image=${failed}`)
      await settleList(page)
      await page.getByTestId('failure-callout').waitFor()
      await settle(page)
      await shoot(page, `drawer-${theme}-${language}`)

      if (theme === 'light' && language === 'en') {
        await page.goto(`${base}/?image=${readme}&tab=readme`)
        await settleList(page)
        // The table's heading, the table and the code below it, rather than the cover picture
        // (the heading clear of the drawer's sticky tabs).
        const table = page.getByTestId('image-drawer').getByRole('tabpanel').getByRole('table')
        await table.evaluate((el) => {
          const heading = el.closest('div')?.previousElementSibling ?? el.previousElementSibling
          ;(heading ?? el).scrollIntoView({ block: 'start' })
          const scroller = el.closest('.overflow-y-auto')
          if (scroller) scroller.scrollTop -= 64
        })
        await settle(page)
        await shoot(page, `drawer-readme-${theme}-${language}`)

        // Families: sorted by name, each row shows its version and "+N versions".
        await page.goto(`${base}/?sort=Name&order=asc`)
        await settleList(page)
        await shoot(page, `families-${theme}-${language}`)
      }

      // The keyboard shortcuts dialog (?): English in light, Chinese in dark.
      if ((theme === 'light') === (language === 'en')) {
        await page.goto(`${base}/`)
        await settleList(page)
        await page.keyboard.press('?')
        await page.getByTestId('shortcuts-dialog').waitFor()
        await settle(page)
        await shoot(page, `shortcuts-${theme}-${language}`)
      }
      await page.context().close()

      // A phone: the list as cards, failed builds, status and reason in view.
      const phone = await openPage(browser, theme, language, VIEWPORTS.phone)
      await phone.goto(`${base}/?failed=1`)
      await settleList(phone)
      await shoot(phone, `phone-${theme}-${language}`)
      await phone.context().close()
    }
  }
  await shootDrawers(base, browser)
}

await withAppAndBrowser(shootAll)
