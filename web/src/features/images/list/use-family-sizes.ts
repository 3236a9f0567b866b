import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { createContext, use, useMemo } from 'react'
import type { Image, Scope } from '@contract/api'
import { imageDetailKeys, imageVersionsQueryOptions } from '@/api/image-detail'
import { textOf } from '../images-values'

export type FamilySizes = Readonly<Record<string, number>>

/** GroupId → how many versions its family has, for the families on the page (empty until known). */
export const FamilySizesContext = createContext<FamilySizes>({})

export const useFamilySize = (image: Image): number | undefined => {
  const groupId = textOf(image.GroupId)
  return groupId === null ? undefined : use(FamilySizesContext)[groupId]
}

const FRESH_MS = 60_000

/**
 * The page is not the whole family (the proxy pages the list), so each family on the page is
 * counted with the drawer's own Versions query (`q=<GroupId>`, exact matches kept), answered by
 * the proxy from its cached list. One query gathers them: a single observer and one render when
 * they are all in, after the rows are on screen; each family's answer stays in the cache, where
 * opening its Versions tab finds it.
 */
function familySizesQueryOptions(queryClient: QueryClient, scope: Scope, groups: string[]) {
  return queryOptions({
    queryKey: [...imageDetailKeys.all, 'family-sizes', { ...scope, groups }] as const,
    queryFn: async () => {
      const sizes = await Promise.all(
        groups.map(async (group) => {
          const versions = await queryClient.fetchQuery({
            ...imageVersionsQueryOptions(scope, group),
            staleTime: FRESH_MS,
          })
          return [group, versions.length] as const
        }),
      )
      return Object.fromEntries(sizes) as FamilySizes
    },
    enabled: groups.length > 0,
    staleTime: FRESH_MS,
  })
}

const NONE: FamilySizes = {}

export function useFamilySizes(scope: Scope, items: readonly Image[]): FamilySizes {
  const queryClient = useQueryClient()
  const groups = useMemo(
    () => [...new Set(items.flatMap((image) => textOf(image.GroupId) ?? []))].sort(),
    [items],
  )
  const query = useQuery(familySizesQueryOptions(queryClient, scope, groups))
  return query.data ?? NONE
}
