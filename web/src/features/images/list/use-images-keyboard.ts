import type { Image } from '@contract/api'
import type { DataTableInstance } from '@/components/data-table/data-table-features'
import { focusRow } from '@/components/data-table/data-table-nav'
import { useListShortcuts } from '../keyboard'

/**
 * The list's shortcuts (design.md §6): `/` search, `j`/`k` next/previous row (focus moves, so
 * Enter opens it), `[`/`]` previous/next page, `?` the help dialog. Off while the drawer is
 * open: the drawer has its own `j`/`k`.
 */
export function useImagesKeyboard({
  table,
  enabled,
  onHelp,
}: {
  table: DataTableInstance<Image>
  enabled: boolean
  onHelp: () => void
}) {
  useListShortcuts(enabled, (action) => {
    switch (action) {
      case 'search': {
        const box = document.querySelector<HTMLInputElement>('[data-shortcut="search"]')
        box?.focus()
        box?.select()
        return
      }
      case 'next':
      case 'previous':
        focusRow(document, action === 'next' ? 1 : -1)?.scrollIntoView({ block: 'nearest' })
        return
      case 'previousPage':
        if (table.getCanPreviousPage()) table.previousPage()
        return
      case 'nextPage':
        if (table.getCanNextPage()) table.nextPage()
        return
      case 'help':
        onHelp()
        return
      default:
        return
    }
  })
}
