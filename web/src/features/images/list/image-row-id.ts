import type { Image } from '@contract/api'
import { textOf } from '../images-values'

/** A row's id: the image id, or its position for the rare record without one. */
export const imageRowId = (image: Image, index: number) =>
  textOf(image.CompShareImageId) ?? `row-${index}`
