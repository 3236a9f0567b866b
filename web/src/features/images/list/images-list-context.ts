import { createContext, use } from 'react'
import type { Scope } from '@contract/api'

/** What the list's cells need from the view, without rebuilding the column definitions. */
export interface ImagesListView {
  /** The list in which the images are (family sizes are counted there). */
  scope: Scope
  /** `failed=1` or `reason=`: the reason is what the reader came for, so it wraps to two lines. */
  wrapReasons: boolean
  /** Opens an image's drawer on its Versions tab. */
  onOpenVersions: (imageId: string) => void
}

export const ImagesListContext = createContext<ImagesListView>({
  scope: { region: '', zone: '', project: '' },
  wrapReasons: false,
  onOpenVersions: () => {},
})

export const useImagesListView = () => use(ImagesListContext)
