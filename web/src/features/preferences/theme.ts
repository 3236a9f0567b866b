import { useEffect } from 'react'
import * as v from 'valibot'
import { createPreference, usePreference } from '@/lib/preference-store'

export const THEMES = ['light', 'dark', 'system'] as const
export type Theme = (typeof THEMES)[number]

export const themePreference = createPreference<Theme>(
  'imagedeck.theme',
  v.picklist(THEMES),
  'system',
)

const DARK_QUERY = '(prefers-color-scheme: dark)'

export function resolveTheme(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme
  return window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light'
}

/** index.css's dark mode is class-based: `.dark` on <html>. */
export function applyTheme(theme: Theme = themePreference.get()): 'light' | 'dark' {
  const resolved = resolveTheme(theme)
  document.documentElement.classList.toggle('dark', resolved === 'dark')
  return resolved
}

/** Keeps <html> in step with the preference and, for "system", with the OS. */
export function useTheme() {
  const [theme, setTheme] = usePreference(themePreference)
  useEffect(() => {
    applyTheme(theme)
    if (theme !== 'system' || !window.matchMedia) return
    const list = window.matchMedia(DARK_QUERY)
    const onChange = () => applyTheme('system')
    list.addEventListener('change', onChange)
    return () => list.removeEventListener('change', onChange)
  }, [theme])
  return { theme, setTheme, resolved: resolveTheme(theme) }
}
