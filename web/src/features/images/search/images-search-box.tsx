import { SearchIcon } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Input } from '@/components/ui/input'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { PHONE, useMediaQuery } from '@/hooks/use-media-query'

/**
 * Free-text search, applied 300 ms after typing stops. The first character of a new search
 * pushes a history entry; refining it replaces that entry, so Back is not flooded.
 */
export function ImagesSearchBox({
  value,
  onChange,
}: {
  value: string
  onChange: (value: string, options: { replace: boolean }) => void
}) {
  const { t } = useTranslation('images')
  const [text, setText] = useState(value)
  const debounced = useDebouncedValue(text, 300)
  const applied = useRef(value)
  // A phone's box is narrower: there the hint is shorter, or it would be cut off.
  const phone = useMediaQuery(PHONE)

  // Back/Forward or "Clear all" changed the URL: show what the URL says.
  useEffect(() => {
    if (value !== applied.current) {
      applied.current = value
      setText(value)
    }
  }, [value])

  useEffect(() => {
    const next = debounced.trim()
    if (next === applied.current.trim()) return
    const replace = applied.current.trim() !== '' && next !== ''
    applied.current = next
    onChange(next, { replace })
  }, [debounced, onChange])

  return (
    <div className="relative w-full sm:w-72 xl:w-80 2xl:w-[22rem]">
      <SearchIcon
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden
      />
      <Input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault()
            setText('')
          }
        }}
        aria-label={t('toolbar.search')}
        aria-keyshortcuts="/"
        data-shortcut="search"
        placeholder={t(phone ? 'toolbar.searchPlaceholderShort' : 'toolbar.searchPlaceholder')}
        maxLength={200}
        className="h-8 pl-8"
      />
    </div>
  )
}
