import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Image, Scope } from '@contract/api'
import { failuresQueryOptions } from '@/api/failures'
import type { FailureHint } from './image-failure'

/**
 * The remediation hint for a failed image: the detail route carries none, so ask `/api/failures`
 * (design.md §4) for this one image (`q` matches its id: one group over one image, from the
 * proxy's cached list) and take its group's hint in the UI language. Null while loading, on an
 * error, or for a cause the catalog does not know.
 */
export function useFailureHint(image: Image | undefined, scope: Scope): FailureHint | null {
  const { i18n } = useTranslation()
  const id = image?.CompShareImageId ?? ''
  const failed = typeof image?.FailedReason === 'string' && image.FailedReason.trim() !== ''
  const query = useQuery({
    ...failuresQueryOptions({ ...scope, q: id }),
    enabled: failed && id !== '',
    retry: false,
  })
  if (!failed) return null
  const group = query.data?.groups.find((g) => g.images.some((i) => i.CompShareImageId === id))
  if (!group?.hint) return null
  const zh = (i18n.resolvedLanguage ?? i18n.language ?? 'en').startsWith('zh')
  return { text: zh ? group.hint.zh : group.hint.en, docsUrl: group.hint.docs ?? null }
}
