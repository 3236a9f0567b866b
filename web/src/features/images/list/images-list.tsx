import type { Row } from '@tanstack/react-table'
import { KeyboardIcon } from 'lucide-react'
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image, Scope } from '@contract/api'
import { PAGE_SIZES } from '@contract/api'
import { DataTable } from '@/components/data-table/data-table'
import type {
  DataTableFeatures,
  DataTableInstance,
  TableDensity,
} from '@/components/data-table/data-table-features'
import { DataTablePagination } from '@/components/data-table/data-table-pagination'
import { Button } from '@/components/ui/button'
import { useMediaQuery } from '@/hooks/use-media-query'
import { numberFormat } from '@/lib/format'
import { imageName, textOf } from '../images-values'
import { useDashboardSearch } from '../search/use-dashboard-search'
import { CellLanguageContext } from './images-cell-i18n'
import { ImagesCards } from './images-cards'
import { ImagesListContext, type ImagesListView } from './images-list-context'
import { reasonsWrap } from './images-table'
import { useImagesKeyboard } from './use-images-keyboard'
import { FamilySizesContext, useFamilySizes } from './use-family-sizes'

const NO_SCOPE: Scope = { region: '', zone: '', project: '' }
/** Below Tailwind's `sm`: the list becomes cards. */
const PHONE = '(max-width: 639.98px)'

// The `?` dialog is a chunk of its own, fetched the first time it opens.
const ShortcutsDialog = lazy(() =>
  import('../shortcuts-dialog').then((m) => ({ default: m.ShortcutsDialog })),
)

/** The list: a table, or cards on a phone; the pager; the list's keyboard shortcuts. */
export function ImagesTable({
  table,
  total,
  isLoading,
  isFetching,
  density,
  activeImageId,
  emptyState,
  onOpen,
  scope,
}: {
  table: DataTableInstance<Image>
  total: number
  isLoading: boolean
  isFetching: boolean
  density: TableDensity
  activeImageId?: string
  emptyState: ReactNode
  onOpen: (image: Image, rowId: string) => void
  /** The list's region, zone and project (family sizes are counted there). */
  scope?: Scope
}) {
  const { t, i18n } = useTranslation('images')
  const [search, setSearch] = useDashboardSearch()
  const phone = useMediaQuery(PHONE)
  const [helpOpen, setHelpOpen] = useState(false)
  useImagesKeyboard({ table, enabled: !activeImageId, onHelp: () => setHelpOpen(true) })

  const wrapReasons = reasonsWrap(search)
  const view = useMemo<ImagesListView>(
    () => ({
      scope: scope ?? NO_SCOPE,
      wrapReasons,
      onOpenVersions: (image) => setSearch({ image, tab: 'versions' }),
    }),
    [scope, wrapReasons, setSearch],
  )
  // After the rows are on screen: the families' counts are a nicety that must not compete with them.
  const familySizes = useFamilySizes(view.scope, isFetching ? [] : table.options.data)
  const rowLabel = (row: Row<DataTableFeatures, Image>) =>
    t('cell.openImage', {
      name: imageName(row.original) ?? textOf(row.original.CompShareImageId) ?? t('cell.unnamed'),
    })
  const skeletonRows = Math.min(table.state.pagination.pageSize, 20)

  return (
    <CellLanguageContext value={i18n.language}>
      <ImagesListContext value={view}>
        <FamilySizesContext value={familySizes}>
          {phone ? (
            <ImagesCards
              items={table.options.data}
              label={t('tableLabel')}
              isLoading={isLoading}
              isFetching={isFetching}
              skeletonCards={Math.min(skeletonRows, 6)}
              activeImageId={activeImageId}
              emptyState={emptyState}
              onOpen={onOpen}
            />
          ) : (
            <DataTable
              table={table}
              label={t('tableLabel')}
              isLoading={isLoading}
              isFetching={isFetching}
              density={density}
              skeletonRows={skeletonRows}
              emptyState={emptyState}
              activeRowId={activeImageId}
              getRowLabel={rowLabel}
              onRowActivate={(row) => {
                if (textOf(row.original.CompShareImageId)) onOpen(row.original, row.id)
              }}
            />
          )}
        </FamilySizesContext>
      </ImagesListContext>
      <DataTablePagination
        table={table}
        pageSizes={PAGE_SIZES}
        loading={isLoading}
        summary={
          isLoading
            ? '\u00a0'
            : t('total', {
                count: total,
                formattedCount: numberFormat(i18n.language).format(total),
              })
        }
        actions={<ShortcutsButton onClick={() => setHelpOpen(true)} />}
      />
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
        </Suspense>
      )}
    </CellLanguageContext>
  )
}

function ShortcutsButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('images')
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      onClick={onClick}
      aria-label={t('shortcuts.title')}
      title={t('shortcuts.open')}
      aria-keyshortcuts="?"
      className="hidden text-muted-foreground sm:inline-flex"
    >
      <KeyboardIcon aria-hidden />
    </Button>
  )
}
