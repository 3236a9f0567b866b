import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchImages, imagesQueryOptions } from '@/api/images'
import { usePreference } from '@/lib/preference-store'
import { buildEnd, leftMaking, type BuildEnd, type WatchedBuild } from './build-outcome'
import {
  notificationPermission,
  requestNotificationPermission,
  showNotification,
  type NotifyPermission,
} from './notifier'
import { buildWatchStore, type BuildWatch } from './watch-store'

/** Like the list's live refetch: a build takes minutes, the proxy's cache holds 15 s. */
export const BUILD_POLL_MS = 10_000

export interface BuildScope {
  region?: string
  zone?: string
  project?: string
}

/** The build's own record, found by id through the list's free text (the id is searched). */
async function lookUp(scope: BuildScope, id: string) {
  const page = await fetchImages({ ...scope, q: id, limit: 10 })
  return page.items.find((image) => image.CompShareImageId === id)
}

/**
 * Notifies, while a tab is open, when a watched build leaves Making: "v1.3 is Available" or
 * "v1.3 failed: <summary>"; clicking the notification opens that image. Polls one light query
 * (the Making images, up to 100) only while something is watched or the menu is open, in the
 * background too: that is when a notification is worth having.
 */
export function useBuildNotifications({
  scope,
  openImage,
}: {
  scope: BuildScope
  openImage: (id: string) => void
}) {
  const { t } = useTranslation()
  const [watch, setWatch] = usePreference(buildWatchStore)
  const [permission, setPermission] = useState<NotifyPermission>(notificationPermission)
  const [menuOpen, setMenuOpen] = useState(false)
  const watching = permission === 'granted' && (watch.all || watch.picked.length > 0)

  const making = useQuery({
    ...imagesQueryOptions({
      ...scope,
      status: ['Making'],
      sort: 'CreateTime',
      order: 'desc',
      limit: 100,
    }),
    enabled: permission !== 'unsupported' && (watching || menuOpen),
    refetchInterval: watching ? BUILD_POLL_MS : false,
    refetchIntervalInBackground: true,
  })

  const scopeKey = `${scope.region ?? ''}/${scope.zone ?? ''}/${scope.project ?? ''}`
  const tracked = useRef({ scopeKey, builds: new Map<string, WatchedBuild>() })
  const checking = useRef(new Set<string>())

  const announce = useCallback(
    (end: BuildEnd) => {
      const { build } = end
      const version = build.version ?? build.name
      const body =
        end.kind === 'available'
          ? t('notify.available', { version })
          : end.summary
            ? t('notify.failed', { version, summary: end.summary })
            : t('notify.failedNoReason', { version })
      showNotification({
        title: build.name,
        body,
        tag: `imagedeck-build-${build.id}`,
        onClick: () => openImage(build.id),
      })
    },
    [t, openImage],
  )

  const items = making.data?.items
  const isPlaceholder = making.isPlaceholderData
  useEffect(() => {
    if (!watching || !items || isPlaceholder) return
    if (tracked.current.scopeKey !== scopeKey) tracked.current = { scopeKey, builds: new Map() }
    const { left, tracked: next } = leftMaking({
      tracked: tracked.current.builds,
      picked: watch.picked,
      all: watch.all,
      making: items,
    })
    tracked.current.builds = next
    for (const build of left) {
      if (checking.current.has(build.id)) continue
      checking.current.add(build.id)
      void lookUp(scope, build.id)
        .then((image) => {
          const end = buildEnd(build, image)
          if (end === null) {
            tracked.current.builds.set(build.id, build) // still Making: the list lagged
            return
          }
          if (end !== 'gone') announce(end)
          setWatch((prev) => ({ ...prev, picked: prev.picked.filter((p) => p.id !== build.id) }))
        })
        .catch(() => tracked.current.builds.set(build.id, build)) // try again next poll
        .finally(() => checking.current.delete(build.id))
    }
    // `items` changes once per answer: the check runs once per poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, isPlaceholder, watching, scopeKey])

  /** Runs `change` once the browser allows notifications, asking first if it never was. */
  const optIn = useCallback(
    async (change: (prev: BuildWatch) => BuildWatch) => {
      const next = await requestNotificationPermission()
      setPermission(next)
      if (next === 'granted') setWatch(change)
    },
    [setWatch],
  )

  return {
    permission,
    watch,
    making: items,
    makingTotal: making.data?.total,
    loading: making.isPending && making.fetchStatus !== 'idle',
    setMenuOpen,
    setAll: (all: boolean) =>
      all ? optIn((prev) => ({ ...prev, all })) : setWatch((prev) => ({ ...prev, all })),
    setPicked: (build: WatchedBuild, on: boolean) =>
      on
        ? optIn((prev) => ({
            ...prev,
            picked: [...prev.picked.filter((p) => p.id !== build.id), build],
          }))
        : setWatch((prev) => ({ ...prev, picked: prev.picked.filter((p) => p.id !== build.id) })),
  }
}

export type BuildNotifications = ReturnType<typeof useBuildNotifications>
