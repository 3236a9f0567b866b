import { Hono } from 'hono'
import type { HealthResponse, Scope } from '../contract/api'

export function healthRoutes(info: { mode: 'sandbox' | 'live'; version: string; defaults: Scope }) {
  const body: HealthResponse = { ok: true, ...info }
  return new Hono().get('/', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json(body)
  })
}
