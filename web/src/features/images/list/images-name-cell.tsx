import { CheckIcon, CopyIcon, PackageIcon } from 'lucide-react'
import { useState } from 'react'
import type { Image } from '@contract/api'
import { copyText } from '@/lib/clipboard'
import { notify } from '@/lib/notify'
import { cn } from '@/lib/utils'
import { CellValue } from './images-cell-value'
import { coverUrl, imageName, textOf } from '../images-values'
import { useCellI18n } from './images-cell-i18n'

export function NameCell({ image }: { image: Image }) {
  const { t } = useCellI18n('images')
  const name = imageName(image)
  const id = textOf(image.CompShareImageId)
  return (
    <div className="flex min-w-0 items-center gap-3">
      <Cover image={image} />
      <div className="min-w-0">
        <div className="truncate font-medium" title={name ?? undefined}>
          <CellValue image={image} paths={['Name']}>
            {name ?? <span className="text-muted-foreground italic">{t('cell.unnamed')}</span>}
          </CellValue>
        </div>
        {id && (
          <div className="flex items-center gap-0.5">
            <code className="truncate font-mono text-xs text-muted-foreground">{id}</code>
            <CopyIdButton id={id} />
          </div>
        )}
      </div>
    </div>
  )
}

function Cover({ image }: { image: Image }) {
  const src = coverUrl(image)
  const [failed, setFailed] = useState<string | null>(null)
  // Smaller in compact rows (DataTable sets data-density on its container).
  const box = 'size-9 shrink-0 rounded-md border bg-muted in-data-[density=compact]:size-7'
  if (!src || failed === src) {
    return (
      <div className={cn(box, 'flex items-center justify-center')} aria-hidden>
        <PackageIcon className="size-4 text-muted-foreground" />
      </div>
    )
  }
  return (
    <img
      src={src}
      alt=""
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailed(src)}
      className={cn(box, 'object-cover')}
    />
  )
}

function CopyIdButton({ id }: { id: string }) {
  const { t } = useCellI18n('images')
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await copyText(id)
      setCopied(true)
      notify.success(t('cell.idCopied'), { description: id })
      setTimeout(() => setCopied(false), 1500)
    } catch {
      notify.error(t('common:actions.copyFailed'))
    }
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={t('cell.copyId')}
      title={t('cell.copyId')}
      className="inline-flex size-6 shrink-0 cursor-pointer items-center justify-center rounded text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      {copied ? (
        <CheckIcon className="size-3.5 text-success" aria-hidden />
      ) : (
        <CopyIcon className="size-3.5" aria-hidden />
      )}
    </button>
  )
}
