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
}

/**
 * The list's columns. Sortable ids are the proxy's SORT_FIELDS, so the table's SortingState
 * maps straight onto `sort=`. Numbers and times sort descending first (newest, biggest).
 */
export function buildImageColumns(t: TFunction<'images'>) {
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
      meta: { sticky: true, cellClassName: 'min-w-64 max-w-96', skeletonClassName: 'h-11 w-56' },
    }),
    column(
      'Status',
      (image) => textOf(image.Status),
      (image) => <StatusCell image={image} />,
      {
        // Wide enough for a failure reason (max-w-40 + padding) on every page: the column must
        // not widen when a failed image arrives in a later slice of rows, or on another page.
        meta: { cellClassName: 'min-w-46', skeletonClassName: 'w-20' },
      },
    ),
    column(
      'ImageType',
      (image) => textOf(image.ImageType),
      (image) => <TypeCell image={image} />,
    ),
    column(
      'Visibility',
      (image) => numberOf(image.Visibility),
      (image) => <VisibilityCell image={image} />,
    ),
    column(
      'Framework',
      (image) => softwares(image).framework,
      (image) => <FrameworkCell image={image} />,
      {
        // Room for the common framework names with a version, so most pages share one width.
        meta: { cellClassName: 'min-w-60', skeletonClassName: 'w-24' },
      },
    ),
    column(
      'CUDAVersion',
      (image) => softwares(image).cuda,
      (image) => <CudaCell image={image} />,
      {
        meta: { cellClassName: 'tabular-nums', skeletonClassName: 'w-10' },
      },
    ),
    column(
      'SourceGpuType',
      (image) => textOf(image.SourceGpuType),
      (image) => <TextCell image={image} field="SourceGpuType" />,
      { meta: { cellClassName: 'min-w-28 whitespace-nowrap', skeletonClassName: 'w-20' } },
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
        meta: { skeletonClassName: 'w-20' },
      },
    ),
    column(
      'Tags',
      (image) => image.Tags,
      (image) => <TagsCell image={image} />,
      {
        sortable: false,
        meta: { cellClassName: 'min-w-40', skeletonClassName: 'w-28' },
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
        meta: { skeletonClassName: 'w-20' },
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
      { descFirst: true, meta: NUMERIC },
    ),
    column(
      'VersionName',
      (image) => textOf(image.VersionName),
      (image) => <TextCell image={image} field="VersionName" />,
    ),
  ])
}
