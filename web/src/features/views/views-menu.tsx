import { BookmarkIcon, BookmarkPlusIcon, Settings2Icon } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { usePreference } from '@/lib/preference-store'
import { matchingView, savedViewsStore } from './saved-views'
import { ViewsDialog, type ViewsDialogMode } from './views-dialog'
import type { ViewActions } from './view-state'

/**
 * "Saved views" in the header: open one, save the current view, manage them (rename, delete, copy
 * as a link, import, export). Knows nothing of filters: the page hands it the view as a query.
 */
export function ViewsMenu(actions: ViewActions) {
  const { t } = useTranslation()
  const [views] = usePreference(savedViewsStore)
  const [dialog, setDialog] = useState<ViewsDialogMode | null>(null)
  const current = matchingView(views, actions.current)

  return (
    <>
      {/* Not modal: a modal menu hides the page with aria-hidden while its controls stay
          focusable (axe's aria-hidden-focus); Escape, outside click and focus return still work. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            aria-label={t('views.menu')}
            title={t('views.menu')}
            data-testid="views-menu"
          >
            <BookmarkIcon aria-hidden />
            <span className="hidden max-w-32 truncate lg:inline">
              {current?.name ?? t('views.short')}
            </span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64">
          <DropdownMenuLabel>{t('views.menu')}</DropdownMenuLabel>
          {views.length === 0 ? (
            <DropdownMenuItem disabled>{t('views.none')}</DropdownMenuItem>
          ) : (
            <DropdownMenuRadioGroup
              value={current?.id ?? ''}
              onValueChange={(id) => {
                const view = views.find((saved) => saved.id === id)
                if (view) actions.onOpen(view)
              }}
            >
              {views.map((view) => (
                <DropdownMenuRadioItem key={view.id} value={view.id}>
                  <span className="truncate">{view.name}</span>
                </DropdownMenuRadioItem>
              ))}
            </DropdownMenuRadioGroup>
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setDialog('save')}>
            <BookmarkPlusIcon aria-hidden className="text-muted-foreground" />
            {t('views.save')}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setDialog('manage')}>
            <Settings2Icon aria-hidden className="text-muted-foreground" />
            {t('views.manage')}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {dialog && (
        <ViewsDialog
          mode={dialog}
          onModeChange={setDialog}
          onClose={() => setDialog(null)}
          suggestedName={current?.name ?? ''}
          {...actions}
        />
      )}
    </>
  )
}
