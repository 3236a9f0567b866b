import { expect, type Locator, type Page } from '@playwright/test'
import { DrawerPage } from './drawer-page'

/** The dashboard's accessible names (English, the suites' locale) used by more than one journey. */
export const EN = {
  table: 'Custom images',
  search: 'Search images',
  failedOnly: /^Failed only/,
  nextPage: 'Go to next page',
  previousPage: 'Go to previous page',
  theme: 'Theme',
  language: 'Language',
} as const

/** A row's label is "<name>, open details" (English) or "<name>，查看详情" (中文). */
const ROW_LABEL = /(, open details|，查看详情)$/

/** The main screen: header, toolbar, table and pagination, found by role and label. */
export class DashboardPage {
  readonly table: Locator
  /** Data rows only (skeleton and empty-state rows have no label). */
  readonly rows: Locator
  readonly total: Locator
  readonly searchBox: Locator
  readonly failedOnly: Locator
  readonly pagination: Locator
  readonly droppedNotice: Locator
  readonly drawer: DrawerPage

  constructor(readonly page: Page) {
    // The list is an ARIA grid (arrow keys move between rows); a readme's tables stay tables.
    this.table = page.getByRole('grid')
    this.rows = this.table.getByRole('row', { name: ROW_LABEL })
    this.total = page.getByTestId('total-count')
    this.searchBox = page.getByRole('searchbox', { name: EN.search })
    this.failedOnly = page.getByRole('button', { name: EN.failedOnly })
    this.pagination = page.getByRole('navigation', { name: 'Pagination' })
    this.droppedNotice = page.getByTestId('dropped-params')
    this.drawer = new DrawerPage(page)
  }

  /** Opens `/` with a query (a string such as `?status=Offline`, or a record) and waits for rows. */
  async goto(query: string | Record<string, string> = '') {
    const qs = typeof query === 'string' ? query : `?${new URLSearchParams(query)}`
    await this.page.goto(`/${qs}`)
    await this.waitForRows()
  }

  async waitForRows() {
    // A cold list on a busy 2-core CI machine running two browsers and three servers.
    await expect(this.rows.first()).toBeVisible({ timeout: 20_000 })
  }

  /** The URL's current query parameters. */
  params(): URLSearchParams {
    return new URL(this.page.url()).searchParams
  }

  async expectParam(name: string, value: string | null) {
    await expect(this.page).toHaveURL((url) => url.searchParams.get(name) === value)
  }

  /** The count in "240 images" (any language, any digit grouping). */
  async totalCount(): Promise<number> {
    await expect(this.total).toHaveText(/\d/)
    const text = (await this.total.textContent()) ?? ''
    return Number(text.replace(/[^\d]/g, ''))
  }

  /** Image ids of the visible rows, in order. */
  async rowIds(): Promise<string[]> {
    await this.waitForRows()
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-id') ?? ''))
  }

  /** The visible row labels ("<name>, open details"), in order. */
  async rowLabels(): Promise<string[]> {
    await this.waitForRows()
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))
  }

  row(imageId: string): Locator {
    return this.table.locator(`tr[data-row-id="${imageId}"]`)
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true })
  }

  /** Column `name`'s cell text for every visible row. */
  async columnValues(name: string): Promise<string[]> {
    const headers = (await this.table.getByRole('columnheader').allTextContents()).map((h) =>
      h.trim(),
    )
    const index = headers.indexOf(name)
    expect(index, `column ${name} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0)
    await this.waitForRows()
    return this.rows.evaluateAll(
      (rows, i) => rows.map((row) => (row.children[i]?.textContent ?? '').trim()),
      index,
    )
  }

  /** A toolbar filter button ("Status", "Type", …); chips are "Remove filter Status: …". */
  filterButton(title: string): Locator {
    // In the toolbar: the table's sortable headers are buttons named like the filters.
    return this.page.getByRole('toolbar').getByRole('button', { name: title, exact: true })
  }

  /** Ticks one option of a faceted filter (its label starts with the value) and closes it. */
  async setFilter(title: string, option: string) {
    await this.filterButton(title).click()
    const popover = this.page.getByRole('dialog', { name: title })
    await popover.getByRole('checkbox', { name: new RegExp(`^${option}\\b`) }).check()
    await this.page.keyboard.press('Escape')
    await expect(popover).toBeHidden()
  }

  async search(text: string) {
    await this.searchBox.fill(text)
  }

  async nextPage() {
    await this.pagination.getByRole('button', { name: EN.nextPage }).click()
  }

  /** Picks an item from a header menu (theme or language), by the menu's and the item's names. */
  async chooseFromMenu(menu: string, item: string) {
    await this.page.getByRole('button', { name: menu, exact: true }).click()
    await this.page.getByRole('menuitemradio', { name: item }).click()
  }

  async openImage(imageId: string) {
    await this.row(imageId).click()
    await expect(this.drawer.root).toBeVisible()
  }
}
