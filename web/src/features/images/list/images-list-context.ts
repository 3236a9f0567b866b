import { createContext, use } from 'react'
/** What the list's cells need from the view, without rebuilding the column definitions. */
export interface ImagesListView {
  /** GroupId → how many versions the family has in the whole list (the list answer's `versions`). */
  versions: Readonly<Record<string, number>>
  /** `failed=1` or `reason=`: the reason is what the reader came for, so it wraps to two lines. */
  wrapReasons: boolean
  /** Opens an image's drawer on its Versions tab. */
  onOpenVersions: (imageId: string) => void
}

export const ImagesListContext = createContext<ImagesListView>({
  versions: {},
  wrapReasons: false,
  onOpenVersions: () => {},
})

export const useImagesListView = () => use(ImagesListContext)
