import { Settings2Icon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import type { DataTableInstance, TableDensity } from './data-table-features'

/** Which columns show and how dense rows are: personal display settings. */
export function DataTableViewOptions<TData extends object>({
  table,
  density,
  onDensityChange,
}: {
  table: DataTableInstance<TData>
  density: TableDensity
  onDensityChange: (density: TableDensity) => void
}) {
  const { t } = useTranslation()
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide())
  return (
    // Not modal: a modal menu hides the page with aria-hidden while its controls stay focusable
    // (axe: aria-hidden-focus); this one only changes how the table looks.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" aria-label={t('table.viewOptions')}>
          <Settings2Icon aria-hidden />
          <span className="hidden sm:inline">{t('table.view')}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-52">
        <DropdownMenuLabel>{t('table.columns')}</DropdownMenuLabel>
        {hideable.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={column.getIsVisible()}
            onCheckedChange={(value) => column.toggleVisibility(value === true)}
            onSelect={(event) => event.preventDefault()}
          >
            {column.columnDef.meta?.label ?? column.id}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuItem
          disabled={table.getIsAllColumnsVisible()}
          onSelect={(event) => {
            event.preventDefault()
            table.toggleAllColumnsVisible(true)
          }}
          className="pl-8"
        >
          {t('table.showAllColumns')}
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t('table.density')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={density}
          onValueChange={(value) => onDensityChange(value as TableDensity)}
        >
          <DropdownMenuRadioItem value="comfortable">
            {t('table.comfortable')}
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="compact">{t('table.compact')}</DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
