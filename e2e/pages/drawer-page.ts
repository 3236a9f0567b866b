import { expect, type Locator, type Page } from '@playwright/test'

/** The image detail drawer (a Radix dialog): header, tabs and the active panel. */
export class DrawerPage {
  readonly root: Locator
  readonly title: Locator
  readonly tabs: Locator
  readonly panel: Locator
  readonly failureCallout: Locator
  readonly failureSummary: Locator
  readonly failureHint: Locator
  readonly nav: Locator
  readonly previousButton: Locator
  readonly nextButton: Locator
  readonly position: Locator
  readonly copyLinkButton: Locator
  readonly compare: Locator

  constructor(readonly page: Page) {
    // The drawer is the dialog with this test id (filter popovers are dialogs too).
    this.root = page.getByRole('dialog').and(page.getByTestId('image-drawer'))
    this.title = this.root.getByRole('heading').first()
    this.tabs = this.root.getByRole('tablist')
    this.panel = this.root.getByRole('tabpanel')
    this.failureCallout = this.root.getByTestId('failure-callout')
    this.failureSummary = this.failureCallout.getByTestId('failure-summary')
    this.failureHint = this.failureCallout.getByTestId('failure-hint')
    this.nav = this.root.getByRole('navigation', { name: 'Step through images' })
    this.previousButton = this.nav.getByRole('button', { name: 'Previous image' })
    this.nextButton = this.nav.getByRole('button', { name: 'Next image' })
    this.position = this.nav.getByTestId('drawer-position')
    this.copyLinkButton = this.nav.getByRole('button', { name: 'Copy link' })
    this.compare = this.panel.getByTestId('version-compare')
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

  /** The Versions tab's "From" and "To" pickers. */
  compareSelect(which: 'From' | 'To'): Locator {
    return this.compare.getByRole('combobox', { name: which, exact: true })
  }
}
