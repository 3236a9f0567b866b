import {
  hashKey,
  useMutation,
  usePrefetchQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { notify } from '@/lib/notify'
import type { Image } from '@contract/api'
import { fetchImages, imageKeys, imagesQueryOptions, type ImagesListParams } from '@/api/images'
import { statusOption } from '../image-status'

export const LIVE_REFETCH_MS = 10_000

export function hasLiveImages(items: readonly Image[] | undefined): boolean {
  return !!items?.some((image) => statusOption(image.Status)?.live)
}

/**
 * The list for the current view, kept live while an image on the page is still changing,
 * and an explicit Refresh that bypasses the proxy's cache.
 */
export function useImagesData(params: ImagesListParams) {
  const { t } = useTranslation('images')
  const queryClient = useQueryClient()

  // The request leaves as this render starts, not after the page has rendered and committed with
  // the new URL (useQuery fetches from an effect): 20-50 ms sooner after a keystroke's debounce
  // (issue 9's keystroke → rows guard).
  const listOptions = imagesQueryOptions(params)
  usePrefetchQuery(listOptions)
  const list = useQuery({
    ...listOptions,
    // Making/Reviewing images change on their own: poll every 10 s while any is on screen,
    // never in a hidden tab, and stop once none is left.
    refetchInterval: (query) => (hasLiveImages(query.state.data?.items) ? LIVE_REFETCH_MS : false),
    refetchIntervalInBackground: false,
  })

  const refresh = useMutation({
    mutationFn: () => fetchImages(params, { fresh: true }),
    onSuccess: (data) => {
      const key = imageKeys.list(params)
      queryClient.setQueryData(key, data)
      // The proxy answers a failed refresh with its last good list, marked stale: still a failure.
      if (data.stale) notify.error(t('notice.refreshStale'), { id: 'list-refresh' })
      // Everything else derived from the list (counts, an open image) follows the fresh fetch.
      void queryClient.invalidateQueries({
        queryKey: imageKeys.all,
        predicate: (query) => query.queryHash !== hashKey(key),
      })
    },
    onError: (error) => notify.error(t('notice.refreshFailed', { message: error.message })),
  })

  // A failed background refresh while data is on screen: say so, keep the data.
  const toasted = useRef(0)
  useEffect(() => {
    if (list.isError && list.data && list.errorUpdatedAt !== toasted.current) {
      toasted.current = list.errorUpdatedAt
      notify.error(t('notice.refreshFailed', { message: list.error.message }), {
        id: 'list-refresh',
      })
    }
  }, [list.isError, list.data, list.errorUpdatedAt, list.error, t])

  return {
    list,
    refresh: () => refresh.mutate(),
    refreshing: refresh.isPending,
    /** The explicit Refresh's error and when it was asked for (the header's status dot). */
    refreshFailure: refresh.isError ? { error: refresh.error, at: refresh.submittedAt } : undefined,
    live: hasLiveImages(list.data?.items),
  }
}
