import { test as base, expect, type Page } from '@playwright/test'
import { serveExternalImagesLocally } from './external-images'
import {
  ERROR_APP_PORT,
  ERROR_SANDBOX_PORT,
  FAULT_APP_PORT,
  FAULT_SANDBOX_PORT,
  FIXTURE_APP_PORT,
  FIXTURE_SANDBOX_PORT,
  SANDBOX_PORT,
} from './playwright.config'

export interface FaultSettings {
  latencyMs?: number
  failRate?: number
  retCode?: number
  httpStatus?: number
  mode?: 'hang' | 'reset' | 'non-json' | 'truncated' | 'empty-set' | 'shift'
  actions?: string[]
  times?: number
}

/** The in-process sandbox's loopback-only control route (design.md §5). */
export class SandboxControl {
  constructor(private readonly port: number) {}

  private url(path: string) {
    return `http://127.0.0.1:${this.port}/__sandbox/${path}`
  }

  async setFaults(faults: FaultSettings): Promise<void> {
    const res = await fetch(this.url('faults'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(faults),
    })
    expect(res.ok, await res.text()).toBe(true)
  }

  async clearFaults(): Promise<void> {
    await fetch(this.url('faults'), { method: 'DELETE' })
  }

  async setFixture(images: unknown[]): Promise<void> {
    const res = await fetch(this.url('fixture'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(images),
    })
    expect(res.ok, await res.text()).toBe(true)
  }

  async clearFixture(): Promise<void> {
    await fetch(this.url('fixture'), { method: 'DELETE' })
  }
}

interface Fixtures {
  sandbox: SandboxControl
}

interface Options {
  /** Console errors a test provokes on purpose (the browser logs every failed fetch). */
  expectedConsoleErrors: RegExp[]
}

export const test = base.extend<Fixtures & Options>({
  expectedConsoleErrors: [[], { option: true }],
  /** The page fails its test on any console error or uncaught exception. */
  page: async ({ page, expectedConsoleErrors }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (!expectedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text)
    })
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    // No internet here: covers and readme images on other hosts get a local placeholder.
    await serveExternalImagesLocally(page)
    await use(page)
    expect(errors, 'console errors during the test').toEqual([])
  },
  sandbox: async ({ baseURL }, use) => {
    const port = baseURL?.endsWith(`:${FAULT_APP_PORT}`)
      ? FAULT_SANDBOX_PORT
      : baseURL?.endsWith(`:${FIXTURE_APP_PORT}`)
        ? FIXTURE_SANDBOX_PORT
        : baseURL?.endsWith(`:${ERROR_APP_PORT}`)
          ? ERROR_SANDBOX_PORT
          : SANDBOX_PORT
    const control = new SandboxControl(port)
    await use(control)
    await control.clearFaults()
  },
})

export { expect }
export type { Page }
