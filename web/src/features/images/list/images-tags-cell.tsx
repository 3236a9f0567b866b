import { createContext, use } from 'react'
import type { Image } from '@contract/api'
import { cn } from '@/lib/utils'
import { cellValue } from './images-cell-value'
import { imageTags } from '../images-values'
import { useCellI18n } from './images-cell-i18n'

/** What cells need from the page without rebuilding the column definitions. */
export interface ImagesCellActions {
  activeTags: readonly string[]
  onTagClick: (tag: string) => void
}
export const ImagesCellContext = createContext<ImagesCellActions>({
  activeTags: [],
  onTagClick: () => {},
})

const MAX_TAGS = 2

export function TagsCell({ image }: { image: Image }) {
  const { t } = useCellI18n('images')
  const { activeTags, onTagClick } = use(ImagesCellContext)
  const tags = imageTags(image)
  const rest = tags.slice(MAX_TAGS)
  return cellValue(
    image,
    ['Tags'],
    tags.length > 0 && (
      <div className="flex max-w-64 items-center gap-1">
        {tags.slice(0, MAX_TAGS).map((tag) => {
          const active = activeTags.includes(tag)
          return (
            <button
              key={tag}
              type="button"
              tabIndex={-1}
              aria-pressed={active}
              onClick={() => onTagClick(tag)}
              aria-label={t('cell.filterByTag', { tag })}
              title={t('cell.filterByTag', { tag })}
              className={cn(
                'max-w-20 shrink-0 cursor-pointer truncate rounded-md border px-1.5 py-px text-xs transition-colors hover:border-primary/50 hover:bg-primary/10 hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none',
                active
                  ? 'border-primary/50 bg-primary/10 text-primary'
                  : 'bg-muted text-muted-foreground',
              )}
            >
              {tag}
            </button>
          )
        })}
        {rest.length > 0 && (
          <span
            className="shrink-0 rounded-md px-1 py-px text-xs whitespace-nowrap text-muted-foreground"
            title={t('cell.moreTags', { count: rest.length, tags: rest.join(', ') })}
          >
            +{rest.length}
          </span>
        )}
      </div>
    ),
  )
}
