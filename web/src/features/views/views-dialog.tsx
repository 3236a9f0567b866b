import { XIcon } from 'lucide-react'
import { Dialog } from 'radix-ui'
import { useTranslation } from 'react-i18next'
import { ViewsManager } from './views-manager'
import { SaveViewForm } from './save-view-form'
import type { ViewActions } from './view-state'

export type ViewsDialogMode = 'save' | 'manage'

/** One Radix Dialog (focus trap, Escape, focus return) for saving the view or managing them. */
export function ViewsDialog({
  mode,
  onModeChange,
  onClose,
  suggestedName,
  ...actions
}: ViewActions & {
  mode: ViewsDialogMode
  onModeChange: (mode: ViewsDialogMode) => void
  onClose: () => void
  suggestedName: string
}) {
  const { t } = useTranslation()
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40 dark:bg-black/60" />
        <Dialog.Content
          data-testid="views-dialog"
          onEscapeKeyDown={(event) => {
            // Escape in a rename field cancels the rename only (rename-view-form.tsx).
            const focused = document.activeElement
            if (focused instanceof HTMLElement && 'renameField' in focused.dataset) {
              event.preventDefault()
            }
          }}
          className="fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 overflow-auto rounded-xl border bg-card p-5 text-card-foreground shadow-2xl outline-none"
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-base font-semibold">
              {t(mode === 'save' ? 'views.saveTitle' : 'views.manageTitle')}
            </Dialog.Title>
            <Dialog.Close
              aria-label={t('views.close')}
              className="-m-1 inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <XIcon className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-sm text-muted-foreground">
            {t(mode === 'save' ? 'views.saveDescription' : 'views.manageDescription')}
          </Dialog.Description>
          {mode === 'save' ? (
            <SaveViewForm
              current={actions.current}
              suggestedName={suggestedName}
              onSaved={onClose}
              onManage={() => onModeChange('manage')}
            />
          ) : (
            <ViewsManager {...actions} onOpened={onClose} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
