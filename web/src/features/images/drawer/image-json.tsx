import { useTranslation } from 'react-i18next'
import type { ImageDetail } from '@contract/api'
import { CopyButton } from './image-drawer-copy'

export function toPrettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}

/** The record as the proxy returned it, readme included: what to paste into a bug report. */
export function ImageJson({ image }: { image: ImageDetail }) {
  const { t } = useTranslation('detail')
  const json = toPrettyJson(image)
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">{t('json.hint')}</p>
        <CopyButton text={json} label={t('copy.json')} showLabel variant="outline" />
      </div>
      <pre
        tabIndex={0}
        aria-label={t('json.label')}
        className="overflow-auto rounded-lg border bg-muted p-4 font-mono text-xs leading-relaxed text-foreground"
      >
        <code>{json}</code>
      </pre>
    </div>
  )
}
