/** Helpers shared by the sandbox's tests. */
import { signParams, type ParamValue } from '../upstream/sign'
import { createSandboxApp, type SandboxDeps } from './app'

export const KEYS = {
  publicKey: 'SandboxTestPublicKey0000000000001',
  privateKey: '0123456789abcdef0123456789abcdef01234567',
}

/** A fixed "now" after the data anchor, so generated data is the same in every run. */
export const T0 = Date.UTC(2026, 10, 28, 12, 0, 0)

export const LOOPBACK = { incoming: { socket: { remoteAddress: '127.0.0.1' } } }
export const REMOTE = { incoming: { socket: { remoteAddress: '203.0.113.7' } } }

export const SCOPE = { Region: 'cn-wlcb', Zone: 'cn-wlcb-01' }

/** A fake clock the app reads; tests move it forward. */
export function fakeClock(start = T0) {
  let now = start
  return { now: () => now, advance: (ms: number) => void (now += ms) }
}

export function sandbox(overrides: Partial<SandboxDeps> = {}) {
  const clock = fakeClock()
  const app = createSandboxApp({ keys: KEYS, now: clock.now, ...overrides })
  return { app, clock }
}

type App = ReturnType<typeof createSandboxApp>
export type Encoding = 'form' | 'get' | 'json'

/** Sends raw (already signed or deliberately broken) params. */
export function send(
  app: App,
  params: Record<string, string>,
  encoding: Encoding = 'form',
  init: RequestInit = {},
): Promise<Response> {
  if (encoding === 'get')
    return Promise.resolve(app.request(`/?${new URLSearchParams(params)}`, init))
  const json = encoding === 'json'
  return Promise.resolve(
    app.request('/', {
      method: 'POST',
      headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
      ...init,
    }),
  )
}

export type Answer = Record<string, unknown> & { RetCode: number; Action: string; Message?: string }

/** A response's JSON body, typed loosely for assertions. */
export const jsonOf = async (res: Response | Promise<Response>): Promise<Answer> =>
  (await (await res).json()) as Answer

/** Signs and sends an action; resolves to the parsed body. */
export async function call(
  app: App,
  action: string,
  params: Record<string, ParamValue> = {},
  encoding: Encoding = 'form',
): Promise<Answer> {
  return jsonOf(send(app, signParams({ Action: action, ...params }, KEYS), encoding))
}

export const listImages = (app: App, params: Record<string, ParamValue> = {}) =>
  call(app, 'DescribeCompShareCustomImages', { ...SCOPE, ...params }) as Promise<{
    RetCode: number
    Action: string
    Message?: string
    TotalCount: number
    ImageSet: Record<string, unknown>[]
  }>
