import { PlusCircleIcon, type LucideIcon } from 'lucide-react'
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover'
import { Separator } from '@/components/ui/separator'
import { cn } from '@/lib/utils'
import { numberFormat } from '@/lib/format'

export interface FacetOption {
  value: string
  label: string
  icon?: LucideIcon
  iconClassName?: string
  /** How many rows this value would show (undefined: unknown). */
  count?: number
}

/**
 * A filter button with a popover of options and their counts. `multiple` uses checkboxes,
 * otherwise radio buttons (one value or none). Long lists get a search box.
 */
export function DataTableFacetedFilter({
  title,
  options,
  selected,
  onChange,
  multiple = true,
  searchable = options.length > 8,
  hideEmpty = false,
  note,
}: {
  title: string
  options: readonly FacetOption[]
  selected: readonly string[]
  onChange: (values: string[]) => void
  multiple?: boolean
  searchable?: boolean
  /** Leave out values counted 0, unless selected (a value the list does not have). */
  hideEmpty?: boolean
  note?: string
}) {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState('')
  const summaryId = useId()
  const nf = numberFormat(i18n.language)
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase()
    return options.filter(
      (o) =>
        (!hideEmpty || o.count !== 0 || selected.includes(o.value)) &&
        (!q || `${o.label} ${o.value}`.toLowerCase().includes(q)),
    )
  }, [options, query, hideEmpty, selected])
  const labelOf = (value: string) => options.find((o) => o.value === value)?.label ?? value

  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value))

  return (
    <Popover onOpenChange={(open) => !open && setQuery('')}>
      <PopoverTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          aria-label={title}
          aria-describedby={selected.length ? summaryId : undefined}
          className={cn('border-dashed', selected.length > 0 && 'border-solid')}
        >
          <PlusCircleIcon
            aria-hidden
            className={cn(selected.length > 0 && 'rotate-45 text-primary')}
          />
          {title}
          {selected.length > 0 && (
            <>
              <Separator orientation="vertical" className="mx-0.5 h-4" />
              <span id={summaryId} className="flex gap-1">
                {selected.length > 2 ? (
                  <Badge tone="primary" className="px-1.5 font-normal">
                    {t('filter.selected', { count: selected.length })}
                  </Badge>
                ) : (
                  selected.map((value) => (
                    <Badge
                      key={value}
                      tone="primary"
                      className="max-w-32 truncate px-1.5 font-normal"
                    >
                      {labelOf(value)}
                    </Badge>
                  ))
                )}
              </span>
            </>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-64 p-0" aria-label={title}>
        {note && <p className="border-b px-3 py-2 text-xs text-muted-foreground">{note}</p>}
        {searchable && (
          <div className="border-b p-2">
            <Input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-label={t('filter.search', { title })}
              placeholder={t('filter.search', { title })}
              className="h-8"
            />
          </div>
        )}
        <div className="max-h-72 overflow-y-auto p-1">
          {visible.length === 0 ? (
            <p className="px-2 py-6 text-center text-sm text-muted-foreground">
              {query.trim() ? t('filter.noMatches') : t('filter.noValues')}
            </p>
          ) : (
            <div aria-label={title} role={multiple ? 'group' : 'radiogroup'}>
              {visible.map((option) => {
                const checked = selected.includes(option.value)
                return (
                  <label key={option.value} className={optionClass}>
                    {/* Native inputs: real checkbox/radio semantics and keyboard behaviour for free. */}
                    <input
                      type={multiple ? 'checkbox' : 'radio'}
                      name={multiple ? undefined : summaryId}
                      checked={checked}
                      onChange={(e) =>
                        multiple
                          ? toggle(option.value, e.target.checked)
                          : onChange(e.target.checked ? [option.value] : [])
                      }
                      className="size-4 shrink-0 cursor-pointer accent-primary"
                    />
                    <OptionBody option={option} nf={nf} />
                  </label>
                )
              })}
            </div>
          )}
        </div>
        {selected.length > 0 && (
          <div className="border-t p-1">
            <Button variant="ghost" size="sm" className="w-full" onClick={() => onChange([])}>
              {t('filter.clear')}
            </Button>
          </div>
        )}
      </PopoverContent>
    </Popover>
  )
}

const optionClass =
  'flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent has-[:focus-visible]:bg-accent'

function OptionBody({ option, nf }: { option: FacetOption; nf: Intl.NumberFormat }) {
  const Icon = option.icon
  return (
    <>
      {Icon && (
        <Icon
          className={cn('size-4 shrink-0 text-muted-foreground', option.iconClassName)}
          aria-hidden
        />
      )}
      <span className="min-w-0 flex-1 truncate" title={option.label}>
        {option.label}
      </span>
      {option.count !== undefined && (
        <span className="ml-auto font-mono text-xs text-muted-foreground tabular-nums">
          {nf.format(option.count)}
        </span>
      )}
    </>
  )
}
