import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Image } from '@contract/api'
import { onRowsKeyDown } from '@/components/data-table/data-table-nav'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'
import { imageName, textOf } from '../images-values'
import { SizeCell, StatusCell, TimeCell } from './images-cells'
import { imageRowId } from './image-row-id'

/**
 * The list on a phone (< 640 px): one card per image with what decides whether to open it —
 * name and version, status and failure reason, size, created — so nothing needs sideways
 * scrolling. Each card's name is its button (one Tab stop for the list, ↑/↓ and j/k move).
 */
export function ImagesCards({
  items,
  isLoading,
  isFetching,
  skeletonCards,
  activeImageId,
  emptyState,
  label,
  onOpen,
}: {
  items: readonly Image[]
  isLoading: boolean
  isFetching: boolean
  skeletonCards: number
  activeImageId?: string
  emptyState: ReactNode
  label: string
  onOpen: (image: Image, rowId: string) => void
}) {
  const { t } = useTranslation('images')
  const [focusedId, setFocusedId] = useState<string>()
  const ids = items.map(imageRowId)
  const tabbableId =
    ids.find((id) => id === focusedId) ?? ids.find((id) => id === activeImageId) ?? ids[0]

  if (isLoading) {
    return (
      <ul aria-label={label} aria-busy className="flex flex-col gap-2">
        {Array.from({ length: skeletonCards }, (_, i) => (
          <li key={i} data-testid="skeleton-row" className="rounded-lg border bg-card p-3">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="mt-2 h-5 w-24" />
            <Skeleton className="mt-2 h-3 w-1/2" />
          </li>
        ))}
      </ul>
    )
  }
  if (items.length === 0) return <div className="rounded-lg border bg-card">{emptyState}</div>

  return (
    <ul
      aria-label={label}
      aria-busy={isFetching}
      className="flex flex-col gap-2"
      onKeyDown={onRowsKeyDown}
      onFocus={(event) => {
        const id = (event.target as HTMLElement).getAttribute('data-row-id')
        if (id) setFocusedId(id)
      }}
    >
      {items.map((image, index) => {
        const id = ids[index]!
        const name = imageName(image) ?? textOf(image.CompShareImageId) ?? t('cell.unnamed')
        const version = textOf(image.VersionName)
        const open = () => {
          if (textOf(image.CompShareImageId)) onOpen(image, id)
        }
        return (
          <li
            key={id}
            onClick={open}
            data-state={id === activeImageId ? 'selected' : undefined}
            className={cn(
              'cursor-pointer rounded-lg border bg-card p-3 transition-colors hover:bg-muted/60 has-[[data-nav-row]:focus-visible]:ring-2 has-[[data-nav-row]:focus-visible]:ring-ring',
              'data-[state=selected]:border-primary/60 data-[state=selected]:bg-primary/5',
            )}
          >
            <div className="flex items-baseline gap-2">
              <button
                type="button"
                data-nav-row=""
                data-row-id={id}
                tabIndex={id === tabbableId ? 0 : -1}
                aria-current={id === activeImageId ? 'true' : undefined}
                aria-label={t('cell.openImage', { name })}
                onClick={(event) => {
                  event.stopPropagation()
                  open()
                }}
                className="min-w-0 cursor-pointer text-left font-medium [overflow-wrap:anywhere] outline-none"
              >
                {name}
              </button>
              {version && (
                <span className="shrink-0 font-mono text-xs text-muted-foreground">{version}</span>
              )}
            </div>
            <div className="mt-1.5">
              <StatusCell image={image} wrapReason />
            </div>
            <div className="mt-1.5 flex flex-wrap gap-x-3 text-xs text-muted-foreground">
              <SizeCell image={image} />
              <TimeCell image={image} field="CreateTime" />
            </div>
          </li>
        )
      })}
    </ul>
  )
}
