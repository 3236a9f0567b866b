import { LanguagesIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { LANGUAGES, type Language } from '@/i18n/i18n'
import { currentLanguage, LANGUAGE_NAMES, LANGUAGE_SHORT, setLanguage } from './language'

export function LanguageMenu() {
  const { t } = useTranslation()
  const lng = currentLanguage()
  return (
    // Not modal: a modal menu leaves focusable controls under aria-hidden (axe aria-hidden-focus).
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          aria-label={t('language.label')}
          title={t('language.label')}
        >
          <LanguagesIcon aria-hidden />
          <span aria-hidden className="hidden min-w-4 sm:inline">
            {LANGUAGE_SHORT[lng]}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="min-w-36">
        <DropdownMenuRadioGroup
          value={lng}
          onValueChange={(value) => void setLanguage(value as Language)}
        >
          {LANGUAGES.map((language) => (
            <DropdownMenuRadioItem key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
