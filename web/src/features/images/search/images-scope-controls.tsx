import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Scope, Zone } from '@contract/api'
import { zonesQueryOptions } from '@/api/zones'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { cn } from '@/lib/utils'

const PROJECT = /^[A-Za-z0-9_-]{0,64}$/
const zoneKey = (z: { region: string; zone: string }) => `${z.region}/${z.zone}`

/** Which list: region/zone (from /api/zones) and project id. */
export function ImagesScopeControls({
  scope,
  onZoneChange,
  onProjectChange,
}: {
  scope: Scope
  onZoneChange: (zone: { region: string; zone: string }) => void
  onProjectChange: (project: string) => void
}) {
  const { t } = useTranslation('images')
  const zones = useQuery(zonesQueryOptions())
  const listed = zones.data?.zones ?? []
  // The URL may name a zone the API does not list (yet): still show it.
  const all: Zone[] = listed.some((z) => zoneKey(z) === zoneKey(scope))
    ? listed
    : [{ region: scope.region, zone: scope.zone, describe: '' }, ...listed]
  const regions = [...new Set(all.map((z) => z.region))]
  const labelOf = (z: Zone) => (z.describe ? `${z.describe} · ${z.zone}` : z.zone)

  return (
    <>
      <Select
        value={zoneKey(scope)}
        onChange={(event) => {
          const zone = all.find((z) => zoneKey(z) === event.target.value)
          if (zone) onZoneChange(zone)
        }}
        aria-label={t('header.zone')}
        title={zones.isError ? t('header.zonesFailed') : t('header.zone')}
        className="h-8 w-auto max-w-72"
      >
        {regions.length > 1
          ? regions.map((region) => (
              <optgroup key={region} label={region}>
                {all
                  .filter((z) => z.region === region)
                  .map((z) => (
                    <option key={zoneKey(z)} value={zoneKey(z)}>
                      {labelOf(z)}
                    </option>
                  ))}
              </optgroup>
            ))
          : all.map((z) => (
              <option key={zoneKey(z)} value={zoneKey(z)}>
                {labelOf(z)}
              </option>
            ))}
      </Select>
      <ProjectField value={scope.project} onChange={onProjectChange} />
    </>
  )
}

function ProjectField({ value, onChange }: { value: string; onChange: (project: string) => void }) {
  const { t } = useTranslation('images')
  const id = useId()
  const [text, setText] = useState(value)
  // The URL changed (Back, a shared link): show its project, dropping an unapplied edit.
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setText(value)
  }
  const valid = PROJECT.test(text.trim())
  const apply = () => {
    const next = text.trim()
    if (valid && next !== value) onChange(next)
  }
  return (
    <div
      className={cn(
        'flex h-8 items-center rounded-md border border-input bg-card shadow-xs focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/40',
        !valid && 'border-destructive',
      )}
    >
      <label htmlFor={id} className="border-r px-2 text-xs whitespace-nowrap text-muted-foreground">
        {t('header.project')}
      </label>
      <Input
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply()
          if (e.key === 'Escape') setText(value)
        }}
        aria-invalid={!valid}
        title={valid ? undefined : t('header.projectInvalid')}
        placeholder={t('header.projectPlaceholder')}
        spellCheck={false}
        autoComplete="off"
        className="h-full w-36 rounded-l-none border-0 bg-transparent font-mono text-xs shadow-none focus-visible:ring-0"
      />
    </div>
  )
}
