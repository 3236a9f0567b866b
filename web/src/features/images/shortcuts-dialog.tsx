import { XIcon } from 'lucide-react'
import { Dialog } from 'radix-ui'
import { useTranslation } from 'react-i18next'
import { SHORTCUTS } from './keyboard'

/** The `?` dialog: the list's shortcuts (Radix Dialog: focus trap, Escape, focus return). */
export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { t } = useTranslation('images')
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40 dark:bg-black/60" />
        <Dialog.Content
          data-testid="shortcuts-dialog"
          className="fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[min(26rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 overflow-auto rounded-xl border bg-card p-5 text-card-foreground shadow-2xl outline-none"
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-base font-semibold">{t('shortcuts.title')}</Dialog.Title>
            <Dialog.Close
              aria-label={t('shortcuts.close')}
              className="-m-1 inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <XIcon className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-sm text-muted-foreground">
            {t('shortcuts.description')}
          </Dialog.Description>
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map(({ keys, action }) => (
              <div key={action} className="contents">
                <dt className="flex justify-end gap-1">
                  {keys.map((key) => (
                    <kbd
                      key={key}
                      className="inline-flex h-6 min-w-6 items-center justify-center rounded border border-b-2 bg-muted px-1.5 font-mono text-xs font-medium"
                    >
                      {key === 'Esc' || key === 'Enter' ? t(`shortcuts.key.${key}`) : key}
                    </kbd>
                  ))}
                </dt>
                <dd>{t(`shortcuts.action.${action}`)}</dd>
              </div>
            ))}
          </dl>
          <p className="border-t pt-3 text-xs text-muted-foreground">{t('shortcuts.drawer')}</p>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
