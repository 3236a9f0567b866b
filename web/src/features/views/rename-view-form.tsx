import { CheckIcon, XIcon } from 'lucide-react'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { usePreference } from '@/lib/preference-store'
import { MAX_NAME, renameView, savedViewsStore, type SavedView } from './saved-views'

/** A saved view's name, edited in place: Enter saves, Escape (on the field) cancels. */
export function RenameViewForm({ view, onDone }: { view: SavedView; onDone: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [views, setViews] = usePreference(savedViewsStore)
  const [name, setName] = useState(view.name)
  const [error, setError] = useState<'taken' | 'invalid' | null>(null)
  return (
    <form
      className="flex min-w-0 flex-1 items-center gap-1"
      onSubmit={(event) => {
        event.preventDefault()
        const result = renameView(views, view.id, name)
        if (!result.ok) return setError(result.error)
        setViews(result.views)
        onDone()
      }}
    >
      <div className="flex min-w-0 flex-1 flex-col">
        <Input
          // The field replaces the row's buttons: focus moves to it (a deliberate user action).
          autoFocus
          data-rename-field
          aria-label={t('views.newName', { name: view.name })}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          value={name}
          maxLength={MAX_NAME}
          className="h-8"
          onChange={(event) => {
            setName(event.target.value)
            setError(null)
          }}
          onKeyDown={(event) => {
            // Escape cancels the rename; the dialog stays open (views-dialog.tsx).
            if (event.key === 'Escape') onDone()
          }}
        />
        {error && (
          <span id={`${id}-error`} className="text-xs text-destructive">
            {t(error === 'taken' ? 'views.nameTaken' : 'views.nameRequired')}
          </span>
        )}
      </div>
      <Button type="submit" variant="ghost" size="icon-sm" aria-label={t('views.renameSave')}>
        <CheckIcon aria-hidden />
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="icon-sm"
        aria-label={t('views.renameCancel')}
        onClick={onDone}
      >
        <XIcon aria-hidden />
      </Button>
    </form>
  )
}
