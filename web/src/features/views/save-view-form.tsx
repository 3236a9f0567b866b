import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { notify } from '@/lib/notify'
import { usePreference } from '@/lib/preference-store'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { findByName, isValidName, MAX_NAME, saveView, savedViewsStore } from './saved-views'
import type { ViewState } from './view-state'

/** Names the view on screen; a name already used replaces that view (and says so first). */
export function SaveViewForm({
  current,
  suggestedName,
  onSaved,
  onManage,
}: {
  current: ViewState
  suggestedName: string
  onSaved: () => void
  onManage: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [views, setViews] = usePreference(savedViewsStore)
  const [name, setName] = useState(suggestedName)
  const [touched, setTouched] = useState(false)
  const valid = isValidName(name)
  const existing = valid ? findByName(views, name) : undefined

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault()
        setTouched(true)
        if (!valid) return
        setViews((prev) => saveView(prev, { ...current, name }))
        notify.success(t('views.saved', { name: name.trim() }))
        onSaved()
      }}
    >
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-name`} className="text-sm font-medium">
          {t('views.name')}
        </label>
        <Input
          id={`${id}-name`}
          value={name}
          maxLength={MAX_NAME}
          autoComplete="off"
          placeholder={t('views.namePlaceholder')}
          aria-invalid={touched && !valid}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={`${id}-hint`} className="min-h-5 text-xs text-muted-foreground" aria-live="polite">
          {touched && !valid
            ? t('views.nameRequired')
            : existing
              ? t('views.replaces', { name: existing.name })
              : t('views.saveHint')}
        </p>
      </div>
      <div className="flex items-center justify-between gap-2">
        <Button type="button" variant="link" className="px-0" onClick={onManage}>
          {t('views.manage')}
        </Button>
        <Button type="submit">{existing ? t('views.replace') : t('views.saveButton')}</Button>
      </div>
    </form>
  )
}
