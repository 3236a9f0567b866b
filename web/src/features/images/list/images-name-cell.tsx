import { CheckIcon } from 'lucide-react'
import { useState } from 'react'
import type { Image } from '@contract/api'
import { copyText } from '@/lib/clipboard'
import { notify } from '@/lib/notify'
import { cn } from '@/lib/utils'
import { cellValue } from './images-cell-value'
import { coverUrl, imageName, textOf } from '../images-values'
import { useCellI18n } from './images-cell-i18n'
import { useImagesListView } from './images-list-context'
import { RowIcon } from './row-icons'

/** Cover, name and version (the name truncates, in full on hover), id with copy, other versions. */
export function NameCell({ image }: { image: Image }) {
  const { t } = useCellI18n('images')
  const name = imageName(image)
  const id = textOf(image.CompShareImageId)
  const version = textOf(image.VersionName)
  return (
    <div className="flex min-w-0 items-center gap-3">
      <Cover image={image} />
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-baseline gap-1.5">
          <span className="truncate font-medium" title={name ?? undefined}>
            {cellValue(
              image,
              ['Name'],
              name ?? <span className="text-muted-foreground italic">{t('cell.unnamed')}</span>,
            )}
          </span>
          {version && (
            <span className="max-w-20 shrink-0 truncate font-mono text-xs text-muted-foreground">
              {version}
            </span>
          )}
        </div>
        {id && (
          <div className="flex min-w-0 items-center gap-0.5">
            <code className="min-w-0 truncate font-mono text-xs text-muted-foreground" title={id}>
              {id}
            </code>
            {/* Keyed: rows are reused by position, and "copied" belongs to this id only. */}
            <CopyIdButton key={id} id={id} />
            <OtherVersions image={image} id={id} />
          </div>
        )}
      </div>
    </div>
  )
}

/** "+2 versions" when the image's family has others: opens the drawer on its Versions tab. */
function OtherVersions({ image, id }: { image: Image; id: string }) {
  const { t } = useCellI18n('images')
  const { onOpenVersions, versions } = useImagesListView()
  const group = textOf(image.GroupId)
  const size = group === null ? undefined : versions[group]
  if (size === undefined || size < 2) return null
  const label = t('list.otherVersions', { count: size - 1 })
  return (
    <button
      type="button"
      tabIndex={-1}
      onClick={() => onOpenVersions(id)}
      title={t('list.openVersions')}
      className="ml-1 inline-flex h-5 shrink-0 cursor-pointer items-center gap-1 rounded-md border px-1.5 text-xs whitespace-nowrap text-muted-foreground hover:border-primary/50 hover:bg-primary/10 hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <RowIcon name="layers" className="size-3" />
      {label}
    </button>
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
        <RowIcon name="package" className="size-4 text-muted-foreground" />
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
      tabIndex={-1}
      onClick={copy}
      aria-label={t('cell.copyId')}
      title={t('cell.copyId')}
      className="inline-flex size-6 shrink-0 cursor-pointer items-center justify-center rounded text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      {copied ? (
        <CheckIcon className="size-3.5 text-success" aria-hidden />
      ) : (
        <RowIcon name="copy" className="size-3.5" />
      )}
    </button>
  )
}
