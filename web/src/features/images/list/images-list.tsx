import type { Row } from '@tanstack/react-table'
import { KeyboardIcon } from 'lucide-react'
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image } from '@contract/api'
import { PAGE_SIZES } from '@contract/api'
import { DataTable } from '@/components/data-table/data-table'
import type {
  DataTableFeatures,
  DataTableInstance,
  TableDensity,
} from '@/components/data-table/data-table-features'
import { DataTablePagination } from '@/components/data-table/data-table-pagination'
import { Button } from '@/components/ui/button'
import { PHONE, useMediaQuery } from '@/hooks/use-media-query'
import { numberFormat } from '@/lib/format'
import { imageName, textOf } from '../images-values'
import { useDashboardSearch } from '../search/use-dashboard-search'
import { CellLanguageContext, useCellI18n } from './images-cell-i18n'
import { ImagesCards } from './images-cards'
import { ImagesListContext, type ImagesListView } from './images-list-context'
import { reasonsWrap } from './images-table'
import { RowIconSprite } from './row-icons'
import { useImagesKeyboard } from './use-images-keyboard'

const NO_VERSIONS = {}

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
  versions,
}: {
  table: DataTableInstance<Image>
  total: number
  isLoading: boolean
  isFetching: boolean
  density: TableDensity
  activeImageId?: string
  emptyState: ReactNode
  onOpen: (image: Image, rowId: string) => void
  /** The list answer's family sizes, by GroupId. */
  versions?: Readonly<Record<string, number>>
}) {
  const { t, i18n } = useTranslation('images')
  const [search, setSearch] = useDashboardSearch()
  // On a phone the list becomes cards.
  const phone = useMediaQuery(PHONE)
  const [helpOpen, setHelpOpen] = useState(false)
  useImagesKeyboard({ table, enabled: !activeImageId, onHelp: () => setHelpOpen(true) })

  const wrapReasons = reasonsWrap(search)
  const view = useMemo<ImagesListView>(
    () => ({
      versions: versions ?? NO_VERSIONS,
      wrapReasons,
      onOpenVersions: (image) => setSearch({ image, tab: 'versions' }),
    }),
    [versions, wrapReasons, setSearch],
  )
  // The cells' remembering `t`: the table asks for every row's label on each of its renders.
  const { t: cellT } = useCellI18n('images')
  const rowLabel = (row: Row<DataTableFeatures, Image>) =>
    cellT('cell.openImage', {
      name: imageName(row.original) ?? textOf(row.original.CompShareImageId) ?? t('cell.unnamed'),
    })
  const skeletonRows = Math.min(table.state.pagination.pageSize, 20)

  return (
    <CellLanguageContext value={i18n.language}>
      <ImagesListContext value={view}>
        <RowIconSprite />
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
