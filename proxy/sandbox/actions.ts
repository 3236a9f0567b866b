import type { Scope } from '../contract/api'
import type { FlatParams } from '../upstream/sign'
import type { ImageCatalog } from './catalog'
import { readPaging, readScope } from './params'
import { RetCodeError, type Action } from './retcodes'
import { zoneInfo } from './zones'

/** What an action handler sees besides its parameters. */
export interface ActionContext {
  catalog: ImageCatalog
  now: number
  /** The list as served: the catalog's, possibly moved by the 'shift' fault. */
  view: (list: readonly unknown[]) => readonly unknown[]
}

/** Success fields of an answer (RetCode and Action are added by the app). */
export type ActionResult = Record<string, unknown>

type Handler = (params: FlatParams, ctx: ActionContext) => ActionResult

export const HANDLERS: Readonly<Record<Action, Handler>> = {
  DescribeCompShareCustomImages(params, ctx) {
    const { catalog, now, view } = ctx
    const scope = readScope(params)
    const { offset, limit } = readPaging(params)
    const id = params.CompShareImageId
    const list = view(catalog.list(scope))
    if (id) {
      // The doc: Readme 仅指定镜像Id查询时返回. An unknown id is an empty set, not an error.
      const record = lookup(ctx, scope, list, id)
      if (record === undefined) return { TotalCount: 0, ImageSet: [] }
      return { TotalCount: 1, ImageSet: [catalog.detail(record, now)] }
    }
    const page = list.slice(offset, offset + limit).map((r) => catalog.present(r, now))
    return { TotalCount: list.length, ImageSet: page }
  },

  GetCompShareImageCreateProgress(params, ctx) {
    const { catalog, now, view } = ctx
    const scope = readScope(params)
    const id = params.CompShareImageId
    if (!id) throw new RetCodeError(220, 'CompShareImageId')
    const record = lookup(ctx, scope, view(catalog.list(scope)), id)
    // Modelled: the real code for an unknown image is not documented.
    if (record === undefined) throw new RetCodeError(8039, id)
    return { ...catalog.progress(record, now) }
  },

  DescribeCompShareSupportZone(params) {
    // Region is an optional filter here; an unknown one yields an empty list.
    return { ZoneInfo: zoneInfo(params.Region || undefined) }
  },
}

/** The catalog's index when the list is the catalog's own; a scan when a fault moved it. */
function lookup(ctx: ActionContext, scope: Scope, list: readonly unknown[], id: string): unknown {
  if (list === ctx.catalog.list(scope)) return ctx.catalog.find(scope, id)
  return list.find((r) => idOf(r) === id)
}

const idOf = (record: unknown): string | undefined =>
  typeof record === 'object' && record !== null
    ? String((record as Record<string, unknown>).CompShareImageId)
    : undefined
