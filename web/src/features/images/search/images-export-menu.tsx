import { DownloadIcon, FileJsonIcon, FileSpreadsheetIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { exportImagesUrl, type ImagesListParams } from '@/api/images'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'

/** Downloads of the whole filtered list (not just this page), from the proxy. */
export function ImagesExportMenu({ params }: { params: ImagesListParams }) {
  const { t } = useTranslation('images')
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" aria-label={t('toolbar.export')}>
          <DownloadIcon aria-hidden />
          <span className="hidden sm:inline">{t('toolbar.export')}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-56">
        <DropdownMenuLabel className="font-normal">{t('toolbar.exportHint')}</DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <a href={exportImagesUrl(params, 'csv')} download>
            <FileSpreadsheetIcon aria-hidden className="text-muted-foreground" />
            {t('toolbar.exportCsv')}
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={exportImagesUrl(params, 'json')} download>
            <FileJsonIcon aria-hidden className="text-muted-foreground" />
            {t('toolbar.exportJson')}
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
