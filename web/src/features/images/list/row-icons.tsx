import { CopyIcon, GlobeIcon, Layers2Icon, LockIcon, PackageIcon } from 'lucide-react'
import type { ImageStatus } from '@contract/api'
import { iconSprite } from '@/components/ui/icon-sprite'
import { IMAGE_STATUS_OPTIONS } from '../image-status'

const statusIcons = Object.fromEntries(
  IMAGE_STATUS_OPTIONS.map((option) => [option.value, option.icon]),
) as Record<ImageStatus, (typeof IMAGE_STATUS_OPTIONS)[number]['icon']>

/** The icons of a list row or card; `RowIconSprite` renders once per list (images-list.tsx). */
export const { Sprite: RowIconSprite, Icon: RowIcon } = iconSprite('row-icon', {
  copy: CopyIcon,
  layers: Layers2Icon,
  package: PackageIcon,
  public: GlobeIcon,
  private: LockIcon,
  ...statusIcons,
})
