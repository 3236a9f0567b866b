import { expect, type Locator, type Page } from '@playwright/test'

/** The image detail drawer (a Radix dialog): header, tabs and the active panel. */
export class DrawerPage {
  readonly root: Locator
  readonly title: Locator
  readonly tabs: Locator
  readonly panel: Locator
  readonly failureCallout: Locator

  constructor(readonly page: Page) {
    // The drawer is the dialog with this test id (filter popovers are dialogs too).
    this.root = page.getByRole('dialog').and(page.getByTestId('image-drawer'))
    this.title = this.root.getByRole('heading').first()
    this.tabs = this.root.getByRole('tablist')
    this.panel = this.root.getByRole('tabpanel')
    this.failureCallout = this.root.getByTestId('failure-callout')
  }

  tab(name: string): Locator {
    return this.tabs.getByRole('tab', { name, exact: true })
  }

  async selectTab(name: string) {
    await this.tab(name).click()
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true')
  }

  async close() {
    await this.page.keyboard.press('Escape')
    await expect(this.root).toBeHidden()
  }
}
