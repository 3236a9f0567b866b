import { createColumnHelper } from '@tanstack/react-table'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import type { Image, SortField } from '@contract/api'
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header'
import type {
  DataTableColumnMeta,
  DataTableFeatures,
} from '@/components/data-table/data-table-features'
import {
  CountCell,
  CudaCell,
  FrameworkCell,
  PriceCell,
  SizeCell,
  StatusCell,
  TextCell,
  TimeCell,
  TypeCell,
  VisibilityCell,
} from './images-cells'
import { NameCell } from './images-name-cell'
import { TagsCell } from './images-tags-cell'
import { imageName, numberOf, softwares, textOf } from '../images-values'

const helper = createColumnHelper<DataTableFeatures, Image>()

export type ImageColumnId = SortField | 'Tags'

const NUMERIC: Partial<DataTableColumnMeta> = {
  headerClassName: 'text-right',
  cellClassName: 'text-right tabular-nums whitespace-nowrap',
  skeletonClassName: 'ml-auto w-12',
  width: 5.5,
}

/**
 * The list's columns. Sortable ids are the proxy's SORT_FIELDS, so the table's SortingState
 * maps straight onto `sort=`. Numbers and times sort descending first (newest, biggest).
 * Widths (rem) are fixed; `wrapReasons` (a list of failures) gives the status room for them.
 */
export function buildImageColumns(t: TFunction<'images'>, { wrapReasons = false } = {}) {
  const label = (id: ImageColumnId) => t(`columns.${id}`)
  const column = <TValue,>(
    id: ImageColumnId,
    accessor: (image: Image) => TValue,
    cell: (image: Image) => ReactNode,
    options: {
      meta?: Partial<DataTableColumnMeta>
      descFirst?: boolean
      sortable?: boolean
      hideable?: boolean
    } = {},
  ) =>
    helper.accessor(accessor, {
      id,
      header: ({ column }) => <DataTableColumnHeader column={column} title={label(id)} />,
      cell: ({ row }) => cell(row.original),
      enableSorting: options.sortable ?? true,
      enableHiding: options.hideable ?? true,
      sortDescFirst: options.descFirst ?? false,
      meta: { ...options.meta, label: label(id) },
    })

  return helper.columns([
    column('Name', imageName, (image) => <NameCell image={image} />, {
      hideable: false,
      meta: { sticky: true, width: 18, skeletonClassName: 'h-9 w-56' },
    }),
    column(
      'Status',
      (image) => textOf(image.Status),
      (image) => <StatusCell image={image} />,
      { meta: { width: wrapReasons ? 18 : 9.5, skeletonClassName: 'w-20' } },
    ),
    column(
      'ImageType',
      (image) => textOf(image.ImageType),
      (image) => <TypeCell image={image} />,
      { meta: { width: 6.5 } },
    ),
    column(
      'Visibility',
      (image) => numberOf(image.Visibility),
      (image) => <VisibilityCell image={image} />,
      { meta: { width: 7 } },
    ),
    column(
      'Framework',
      (image) => softwares(image).framework,
      (image) => <FrameworkCell image={image} />,
      { meta: { width: 9, skeletonClassName: 'w-24' } },
    ),
    column(
      'CUDAVersion',
      (image) => softwares(image).cuda,
      (image) => <CudaCell image={image} />,
      {
        meta: { width: 5, cellClassName: 'tabular-nums', skeletonClassName: 'w-10' },
      },
    ),
    column(
      'SourceGpuType',
      (image) => textOf(image.SourceGpuType),
      (image) => <TextCell image={image} field="SourceGpuType" />,
      { meta: { width: 7.5, cellClassName: 'whitespace-nowrap', skeletonClassName: 'w-20' } },
    ),
    column(
      'Size',
      (image) => numberOf(image.Size),
      (image) => <SizeCell image={image} />,
      {
        descFirst: true,
        meta: NUMERIC,
      },
    ),
    // The default sort's column, kept within the first screen at 1440 px.
    column(
      'CreateTime',
      (image) => numberOf(image.CreateTime),
      (image) => <TimeCell image={image} field="CreateTime" />,
      {
        descFirst: true,
        meta: { width: 8.5, skeletonClassName: 'w-20' },
      },
    ),
    column(
      'Tags',
      (image) => image.Tags,
      (image) => <TagsCell image={image} />,
      {
        sortable: false,
        meta: { width: 10.5, skeletonClassName: 'w-28' },
      },
    ),
    column(
      'Price',
      (image) => numberOf(image.Price),
      (image) => <PriceCell image={image} />,
      {
        descFirst: true,
        meta: NUMERIC,
      },
    ),
    column(
      'PubTime',
      (image) => numberOf(image.PubTime),
      (image) => <TimeCell image={image} field="PubTime" />,
      {
        descFirst: true,
        meta: { width: 7.5, skeletonClassName: 'w-20' },
      },
    ),
    column(
      'CreatedCount',
      (image) => numberOf(image.CreatedCount),
      (image) => <CountCell image={image} field="CreatedCount" />,
      { descFirst: true, meta: NUMERIC },
    ),
    column(
      'FavoritesCount',
      (image) => numberOf(image.FavoritesCount),
      (image) => <CountCell image={image} field="FavoritesCount" />,
      { descFirst: true, meta: { ...NUMERIC, width: 7 } },
    ),
    column(
      'VersionName',
      (image) => textOf(image.VersionName),
      (image) => <TextCell image={image} field="VersionName" />,
      { meta: { width: 6 } },
    ),
  ])
}
