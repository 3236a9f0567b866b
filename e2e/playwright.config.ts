import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/** Debian's Chromium where it is installed (CI, this machine); Playwright's own browser elsewhere. */
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export const APP_PORT = 8181
/** A second app whose sandbox takes faults: only e2e/faults.spec.ts (serial) uses it. */
export const FAULT_APP_PORT = 8182
/** A third app whose sandbox serves fixtures: only e2e/hostile-content.spec.ts uses it. */
export const FIXTURE_APP_PORT = 8183
/** A fourth app whose sandbox takes faults: only e2e/error-states.spec.ts (serial) uses it. */
export const ERROR_APP_PORT = 8184
/** The in-process sandboxes' ports, so journeys can inject faults through the control route. */
export const SANDBOX_PORT = 8797
export const FAULT_SANDBOX_PORT = 8798
export const FIXTURE_SANDBOX_PORT = 8799
export const ERROR_SANDBOX_PORT = 8800

const serverEnv = (port: number, sandboxPort: number) => ({
  PORT: String(port),
  SANDBOX_PORT: String(sandboxPort),
  IMAGEDECK_LOG_LEVEL: 'warn',
  // Journeys make many requests quickly from one address.
  IMAGEDECK_RATE_LIMIT: '100000',
})

const DESKTOP = { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } }

/** Journeys with wall-clock bounds (see the `timed` project). */
const TIMED = /readme-timing\.spec\.ts$/

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Journeys that write docs/screenshots run only through `npm run screenshots:e2e`.
  ...(process.env.IMAGEDECK_SCREENSHOTS
    ? { grep: /@screenshots/ }
    : { grepInvert: /@screenshots/ }),
  // Two browsers and three servers share CI's 2 cores: a cold list and its first render can take
  // several seconds there, well past what a desktop shows.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '../test-results',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    locale: 'en-US',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: TIMED,
      use: DESKTOP,
    },
    // Specs that assert wall-clock bounds run last and alone, one test at a time: beside another
    // browser on CI's 2 cores, the 2,000-row readme took 2,009 and 2,052 ms (bound 2,000), and
    // 684-689 ms on its own.
    {
      name: 'timed',
      testMatch: TIMED,
      dependencies: ['chromium'],
      fullyParallel: false,
      use: DESKTOP,
    },
  ],
  webServer: [
    {
      command: 'node scripts/start.mjs',
      cwd: '..',
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      env: serverEnv(APP_PORT, SANDBOX_PORT),
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: 'node scripts/start.mjs',
      cwd: '..',
      url: `http://127.0.0.1:${FAULT_APP_PORT}/api/health`,
      env: { ...serverEnv(FAULT_APP_PORT, FAULT_SANDBOX_PORT), UCLOUD_TIMEOUT_MS: '3000' },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: 'node scripts/start.mjs',
      cwd: '..',
      url: `http://127.0.0.1:${FIXTURE_APP_PORT}/api/health`,
      env: { ...serverEnv(FIXTURE_APP_PORT, FIXTURE_SANDBOX_PORT), IMAGEDECK_CACHE_TTL_S: '0' },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: 'node scripts/start.mjs',
      cwd: '..',
      url: `http://127.0.0.1:${ERROR_APP_PORT}/api/health`,
      // A 2 s list cache: the pause after a failed refresh (min(TTL, 5 s)) is 2 s, not 5.
      env: {
        ...serverEnv(ERROR_APP_PORT, ERROR_SANDBOX_PORT),
        UCLOUD_TIMEOUT_MS: '3000',
        IMAGEDECK_CACHE_TTL_S: '2',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
})
