import { ExternalLinkIcon, LightbulbIcon } from 'lucide-react'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FailureGroup } from '@contract/api'
import { formatRelative, numberFormat } from '@/lib/format'

/** How many image names a group shows before "+n more". */
const NAMES_SHOWN = 3

/**
 * One failure group: what went wrong, how often, what to do, when it last happened and which
 * images. The summary is the group's link; the whole card is its target (a stretched link), so a
 * docs link can sit inside without nesting links.
 */
export function FailureGroupCard({
  group,
  href,
  onOpen,
  now,
}: {
  group: FailureGroup
  href: string
  onOpen: (key: string) => void
  now: number
}) {
  const { t, i18n } = useTranslation('failures')
  const language = i18n.resolvedLanguage ?? i18n.language
  const hint = group.hint && (language.startsWith('zh') ? group.hint.zh : group.hint.en)
  const when = formatRelative(group.latest, language, now)
  const names = group.images.slice(0, NAMES_SHOWN).map(imageLabel)
  const more = group.count - names.length

  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // A plain click stays in the app; a modified one opens the link as the browser would.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    onOpen(group.key)
  }

  return (
    <li
      data-testid="failure-group"
      data-key={group.key}
      className="relative flex gap-3 rounded-lg border bg-card p-3 transition-colors focus-within:ring-2 focus-within:ring-ring hover:bg-muted/50 sm:gap-4 sm:p-4"
    >
      <div
        className="flex h-9 min-w-9 shrink-0 items-center justify-center rounded-md bg-destructive/10 px-2 text-base font-semibold text-destructive tabular-nums"
        aria-hidden
      >
        {numberFormat(language).format(group.count)}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <a
          href={href}
          onClick={open}
          title={group.reason}
          aria-label={t('open', { count: group.count, summary: group.summary })}
          className="line-clamp-2 font-mono text-sm font-medium [overflow-wrap:anywhere] outline-none after:absolute after:inset-0 after:rounded-lg"
        >
          {group.summary}
        </a>
        {hint ? (
          <p className="flex items-start gap-1.5 text-sm text-foreground/90">
            <LightbulbIcon className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
            <span>
              <span className="sr-only">{t('hint')}: </span>
              {hint}
              {group.hint?.docs && (
                <a
                  href={group.hint.docs}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="relative z-10 ms-1.5 inline-flex items-center gap-0.5 text-primary underline-offset-2 hover:underline"
                >
                  {t('docs')}
                  <ExternalLinkIcon className="size-3" aria-hidden />
                </a>
              )}
            </span>
          </p>
        ) : null}
        <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
          <span className="font-medium">{t('images', { count: group.count })}</span>
          {when && <span>{t('newest', { when })}</span>}
          <span className="min-w-0 truncate">
            {names.join(' · ')}
            {more > 0 && ` ${t('more', { count: more })}`}
          </span>
        </p>
      </div>
    </li>
  )
}

function imageLabel(image: FailureGroup['images'][number]): string {
  const name = image.Name ?? image.CompShareImageId ?? '—'
  return image.VersionName ? `${name} ${image.VersionName}` : name
}
