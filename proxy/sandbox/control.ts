import { Hono, type Context } from 'hono'
import type { ImageCatalog } from './catalog'
import { fixtureImages } from './fixture'
import { faultSettingsSchema, type FaultController } from './faults'
import type { SandboxStats } from './stats'

export interface ControlDeps {
  faults: FaultController
  stats: SandboxStats
  catalog: ImageCatalog
  /** The caller's address; control routes answer loopback callers only. */
  remoteAddress: (c: Context) => string | undefined
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

/**
 * The sandbox's control routes, mounted at `/__sandbox`: switch faults, read call counts and swap
 * the served images at run time (tests and demos). Loopback only; never counted in stats.
 */
export function controlRoutes({ faults, stats, catalog, remoteAddress }: ControlDeps): Hono {
  const control = new Hono()
  control.use('*', async (c, next) => {
    if (!isLoopback(remoteAddress(c))) {
      return c.json({ error: 'the sandbox control routes answer loopback callers only' }, 403)
    }
    await next()
  })

  control.get('/faults', (c) => c.json(faults.get()))
  control.put('/faults', async (c) => {
    const parsed = faultSettingsSchema.safeParse(await readJson(c))
    if (!parsed.success)
      return c.json({ error: 'invalid fault settings', issues: parsed.error.issues }, 400)
    faults.set(parsed.data)
    return c.json(faults.get())
  })
  control.delete('/faults', (c) => {
    faults.clear()
    return c.json(faults.get())
  })

  control.get('/stats', (c) => c.json(stats.snapshot()))
  control.post('/stats/reset', (c) => {
    stats.reset()
    return c.json(stats.snapshot())
  })

  control.put('/fixture', async (c) => {
    const images = fixtureImages(await readJson(c))
    if (!images)
      return c.json({ error: 'expected a JSON array of images or an object with ImageSet' }, 400)
    catalog.setFixture(images)
    return c.json({ fixture: true, count: images.length })
  })
  control.delete('/fixture', (c) => {
    catalog.setFixture(null)
    return c.json({ fixture: false })
  })

  control.all('*', (c) => c.json({ error: 'no such control route' }, 404))
  return control
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json()
  } catch {
    return undefined
  }
}
