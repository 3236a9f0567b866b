import { DownloadIcon, LinkIcon, PencilIcon, Trash2Icon, UploadIcon } from 'lucide-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import { copyText } from '@/lib/clipboard'
import { notify } from '@/lib/notify'
import { usePreference } from '@/lib/preference-store'
import { deleteView, exportViews, mergeViews, parseViewsFile, savedViewsStore } from './saved-views'
import { RenameViewForm } from './rename-view-form'
import type { ViewActions } from './view-state'

type Status = { tone: 'ok' | 'error'; text: string } | null

/** The saved views with their actions, and import/export as a JSON file. */
export function ViewsManager({
  linkFor,
  onOpen,
  onOpened,
}: ViewActions & { onOpened: () => void }) {
  const { t } = useTranslation()
  const [views, setViews] = usePreference(savedViewsStore)
  const [renaming, setRenaming] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const copyLink = async (name: string, link: string) => {
    try {
      await copyText(link)
      notify.success(t('views.linkCopied', { name }))
    } catch {
      notify.error(t('actions.copyFailed'))
    }
  }

  const download = () => {
    const blob = new Blob([exportViews(views)], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = `imagedeck-views-${new Date().toISOString().slice(0, 10)}.json`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  const importFile = async (file: File) => {
    const result = parseViewsFile(await file.text())
    if (!result.ok) {
      const { code, ...params } = result.error
      setStatus({
        tone: 'error',
        text: t(`views.importError.${code}`, { ...params, file: file.name }),
      })
      return
    }
    let summary = { added: 0, skipped: 0 }
    setViews((prev) => {
      const merged = mergeViews(prev, result.views)
      summary = merged
      return merged.views
    })
    const skipped = summary.skipped ? ` ${t('views.skipped', { count: summary.skipped })}` : ''
    setStatus({ tone: 'ok', text: t('views.imported', { count: summary.added }) + skipped })
  }

  return (
    <div className="flex flex-col gap-3">
      {views.length === 0 ? (
        <p className="rounded-lg border border-dashed p-4 text-center text-sm text-muted-foreground">
          {t('views.none')}
        </p>
      ) : (
        <ul className="flex flex-col divide-y rounded-lg border" aria-label={t('views.menu')}>
          {views.map((view) => (
            <li key={view.id} className="flex min-h-11 items-center gap-1 px-2 py-1">
              {renaming === view.id ? (
                <RenameViewForm view={view} onDone={() => setRenaming(null)} />
              ) : (
                <>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="min-w-0 flex-1 justify-start truncate"
                    title={t('views.open', { name: view.name })}
                    onClick={() => {
                      onOpen(view)
                      onOpened()
                    }}
                  >
                    <span className="truncate">{view.name}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('views.copyLink', { name: view.name })}
                    title={t('views.copyLink', { name: view.name })}
                    onClick={() => void copyLink(view.name, linkFor(view))}
                  >
                    <LinkIcon aria-hidden />
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('views.rename', { name: view.name })}
                    title={t('views.rename', { name: view.name })}
                    onClick={() => setRenaming(view.id)}
                  >
                    <PencilIcon aria-hidden />
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('views.delete', { name: view.name })}
                    title={t('views.delete', { name: view.name })}
                    className="hover:text-destructive"
                    onClick={() => {
                      setViews((prev) => deleteView(prev, view.id))
                      setStatus({ tone: 'ok', text: t('views.deleted', { name: view.name }) })
                    }}
                  >
                    <Trash2Icon aria-hidden />
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p
        role={status?.tone === 'error' ? 'alert' : 'status'}
        className={
          status?.tone === 'error' ? 'text-sm text-destructive' : 'text-sm text-muted-foreground'
        }
        data-testid="views-status"
      >
        {status?.text}
      </p>
      <div className="flex flex-wrap justify-end gap-2 border-t pt-3">
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          data-testid="views-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void importFile(file)
          }}
        />
        <Button variant="outline" size="sm" onClick={() => fileInput.current?.click()}>
          <UploadIcon aria-hidden />
          {t('views.import')}
        </Button>
        <Button variant="outline" size="sm" onClick={download} disabled={views.length === 0}>
          <DownloadIcon aria-hidden />
          {t('views.export')}
        </Button>
      </div>
    </div>
  )
}
