import { randomUUID } from 'node:crypto'
import type { HttpBindings } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import type { Logger } from '../log'
import { HANDLERS, type ActionContext } from './actions'
import { createCatalog, type ImageCatalog } from './catalog'
import { controlRoutes } from './control'
import { apiResponse, isTransportFault, sleep, transportFault } from './fault-response'
import { createFaultController, type FaultController, type FaultSettings } from './faults'
import { readParams, verifySignature } from './protocol'
import { errorBody, isAction, responseAction, RetCodeError, type ApiBody } from './retcodes'
import { createShifter } from './shift'
import { createStats, type SandboxStats } from './stats'
import type { FlatParams } from '../upstream/sign'

export interface KeyPair {
  publicKey: string
  privateKey: string
}

export interface SandboxDeps {
  /** The key pairs the sandbox accepts. */
  keys: KeyPair | readonly KeyPair[]
  seed?: number
  /** Images in the default zone and project (others hold fewer). Default 240. */
  count?: number
  /** Serve exactly these records (SANDBOX_FIXTURE); they pass through untouched. */
  fixture?: readonly unknown[] | null
  faults?: FaultController
  stats?: SandboxStats
  /** Epoch ms; Making images advance against it. */
  now?: () => number
  /** For failRate; Math.random by default. */
  random?: () => number
  log?: Logger
  /** The caller's address, for the loopback-only control routes; the node socket's by default. */
  remoteAddress?: (c: Context) => string | undefined
  /** Aborted when the sandbox closes, releasing 'hang' calls. */
  closing?: AbortSignal
}

export const DEFAULT_SEED = 20_240_601
export const DEFAULT_COUNT = 240

const socketAddress = (c: Context): string | undefined =>
  (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket?.remoteAddress

/** The fake CompShare API (design.md §5) as a Hono app; any path serves the API. */
export function createSandboxApp(deps: SandboxDeps): Hono & { catalog: ImageCatalog } {
  const now = deps.now ?? Date.now
  const seed = deps.seed ?? DEFAULT_SEED
  const startedAt = now()
  const catalog = createCatalog({
    seed,
    count: deps.count ?? DEFAULT_COUNT,
    startedAt,
    fixture: deps.fixture,
  })
  const faults = deps.faults ?? createFaultController()
  const stats = deps.stats ?? createStats()
  const random = deps.random ?? Math.random
  const closing = deps.closing ?? new AbortController().signal
  const keyList = Array.isArray(deps.keys) ? deps.keys : [deps.keys as KeyPair]
  const privateKeys = new Map(keyList.map((k) => [k.publicKey, k.privateKey]))
  const shift = createShifter(seed, startedAt)

  const app = new Hono()
  app.route(
    '/__sandbox',
    controlRoutes({ faults, stats, catalog, remoteAddress: deps.remoteAddress ?? socketAddress }),
  )

  app.all('*', async (c) => {
    // The latency clock starts when the call arrives: the answer is computed and serialised while
    // it runs, and leaves at max(latency, processing), as a real API's observed latency includes
    // its own work (docs/upstream-api.md, "Sandbox faults").
    const arrived = performance.now()
    const begun = Date.now()
    const requestId = randomUUID()
    const params = await readParams(c.req.raw)
    const action = params.Action || undefined
    stats.count(action)
    const fault = faults.take(action)
    const delayMs = fault
      ? (fault.latencyMs ?? 0) + (isSlowPage(fault, action, params) ? (fault.slowMs ?? 3000) : 0)
      : 0
    // Gateway-level faults come before the API looks at the call, as they would in front of it.
    if (fault && isTransportFault(fault)) {
      await sleep(delayMs, c.req.raw.signal)
      const early = await transportFault(c, fault, closing, requestId)
      if (early) return early
    }
    const listCall = action === 'DescribeCompShareCustomImages' && !params.CompShareImageId
    const step = fault?.mode !== 'shift' ? 0 : listCall ? faults.advanceShift() : faults.shiftStep()
    const ctx: ActionContext = { catalog, now: now(), view: (list) => shift(list, step) }
    const body = injectedFailure(fault, action, random) ?? answer(params, privateKeys, ctx)
    const response = apiResponse(body, fault, requestId)
    deps.log?.debug(
      { action, retCode: body.RetCode, ms: Date.now() - begun, requestId },
      'sandbox call',
    )
    await sleep(delayMs - (performance.now() - arrived), c.req.raw.signal)
    return response
  })
  app.onError((error, c) => {
    deps.log?.error({ err: error, path: c.req.path }, 'sandbox failure')
    return apiResponse(errorBody(undefined, 130), null, randomUUID())
  })
  return Object.assign(app, { catalog })
}

/** The API proper: Action, then the signature, then the action's own parameters. */
function answer(
  params: FlatParams,
  privateKeys: ReadonlyMap<string, string>,
  ctx: ActionContext,
): ApiBody {
  const action = params.Action || undefined
  try {
    if (!action) throw new RetCodeError(160)
    verifySignature(params, privateKeys)
    if (!isAction(action)) throw new RetCodeError(161, action)
    return { RetCode: 0, Action: responseAction(action), ...HANDLERS[action](params, ctx) }
  } catch (error) {
    if (error instanceof RetCodeError) return errorBody(action, error.retCode, error.message)
    throw error
  }
}

function injectedFailure(
  fault: FaultSettings | null,
  action: string | undefined,
  random: () => number,
): ApiBody | null {
  if (fault?.retCode !== undefined) return errorBody(action, fault.retCode, fault.message)
  if (fault?.failRate !== undefined && random() < fault.failRate) return errorBody(action, 150)
  return null
}

function isSlowPage(fault: FaultSettings, action: string | undefined, params: FlatParams): boolean {
  if (fault.slowOffset === undefined || action !== 'DescribeCompShareCustomImages') return false
  return Number(params.Offset ?? 0) === fault.slowOffset
}
