import { BellIcon, BellRingIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { watchedBuild } from './build-outcome'
import {
  useBuildNotifications,
  type BuildNotifications,
  type BuildScope,
} from './use-build-notifications'

const SHOWN = 8

/**
 * The bell with the watching itself: both load apart from the first load (dashboard-personal.tsx),
 * a moment after the first rows; a watch kept from an earlier visit resumes then.
 */
export function BuildNotifyMenu(props: { scope: BuildScope; openImage: (id: string) => void }) {
  return <NotifyMenu notifications={useBuildNotifications(props)} />
}

/** The header's bell: opt in for every Making image or for some of them. */
export function NotifyMenu({ notifications }: { notifications: BuildNotifications }) {
  const { t } = useTranslation()
  const { permission, watch, making, makingTotal, loading, setMenuOpen, setAll, setPicked } =
    notifications
  const active = permission === 'granted' && (watch.all || watch.picked.length > 0)
  const blocked = permission === 'unsupported' || permission === 'denied'
  const builds = (making ?? []).flatMap((image) => watchedBuild(image) ?? [])
  const Icon = active ? BellRingIcon : BellIcon
  const keepOpen = (event: Event) => event.preventDefault()

  return (
    // Not modal (as views-menu.tsx): no aria-hidden over a page whose controls stay focusable.
    <DropdownMenu modal={false} onOpenChange={setMenuOpen}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('notify.label')}
          title={
            active && !watch.all
              ? t('notify.watching', { count: watch.picked.length })
              : t('notify.label')
          }
          data-testid="notify-menu"
        >
          <Icon aria-hidden className={active ? 'text-primary' : undefined} />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-72">
        <DropdownMenuLabel>{t('notify.menu')}</DropdownMenuLabel>
        <p className="px-2 pb-1.5 text-xs text-muted-foreground">
          {permission === 'unsupported'
            ? t('notify.unsupported')
            : permission === 'denied'
              ? t('notify.denied')
              : t('notify.hint')}
        </p>
        <DropdownMenuCheckboxItem
          checked={active && watch.all}
          disabled={blocked}
          onSelect={keepOpen}
          onCheckedChange={(on) => void setAll(on === true)}
        >
          {t('notify.all')}
        </DropdownMenuCheckboxItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>
          {t('notify.makingNow')}
          {makingTotal ? ` (${makingTotal})` : ''}
        </DropdownMenuLabel>
        {builds.length === 0 ? (
          <DropdownMenuItem disabled>{loading ? '…' : t('notify.noneMaking')}</DropdownMenuItem>
        ) : (
          builds.slice(0, SHOWN).map((build) => (
            <DropdownMenuCheckboxItem
              key={build.id}
              checked={active && (watch.all || watch.picked.some((p) => p.id === build.id))}
              disabled={blocked || (active && watch.all)}
              onSelect={keepOpen}
              onCheckedChange={(on) => void setPicked(build, on === true)}
            >
              <span className="min-w-0 truncate">{build.name}</span>
              {build.version && (
                <span className="ml-auto shrink-0 font-mono text-xs text-muted-foreground">
                  {build.version}
                </span>
              )}
            </DropdownMenuCheckboxItem>
          ))
        )}
        {builds.length > SHOWN && (
          <p className="px-2 py-1 text-xs text-muted-foreground">
            {t('notify.more', { count: builds.length - SHOWN })}
          </p>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
