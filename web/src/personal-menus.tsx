import { LanguagesIcon, MonitorIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { lazyMenu, PendingTrigger } from '@/components/ui/lazy-menus'
import { currentLanguage, LANGUAGE_SHORT } from '@/features/preferences/language'

/** The header's language and theme menus, each loaded on first render (see lazy-menus.tsx). */

export const LanguageMenu = lazyMenu(
  () => import('@/features/preferences/language-menu').then((m) => m.LanguageMenu),
  function LanguagePending() {
    const { t } = useTranslation()
    return (
      <PendingTrigger variant="ghost" size="sm" aria-label={t('language.label')}>
        <LanguagesIcon aria-hidden />
        <span aria-hidden className="hidden min-w-4 sm:inline">
          {LANGUAGE_SHORT[currentLanguage()]}
        </span>
      </PendingTrigger>
    )
  },
)

export const ThemeMenu = lazyMenu(
  () => import('@/features/preferences/theme-menu').then((m) => m.ThemeMenu),
  function ThemePending() {
    const { t } = useTranslation()
    return (
      <PendingTrigger variant="ghost" size="icon-sm" aria-label={t('theme.label')}>
        <MonitorIcon aria-hidden className="opacity-0" />
      </PendingTrigger>
    )
  },
)
