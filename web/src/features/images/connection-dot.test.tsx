import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { renderWithProviders } from '@/test/render'
import { ConnectionDot } from './connection-dot'

const unavailable = new ApiError({
  status: 503,
  code: 'UPSTREAM_UNAVAILABLE',
  message: 'The CompShare API answered HTTP 502 Bad Gateway',
  upstreamStatus: 502,
})

describe('ConnectionDot', () => {
  it('says the list is up to date, or live', async () => {
    await renderWithProviders(<ConnectionDot connection={{ state: 'ok' }} live={false} />)
    expect(screen.getByTestId('connection-dot').getAttribute('aria-label')).toBe(
      'Up to date: the last refresh succeeded',
    )
  })

  it('names the error behind a failed list once its words have loaded', async () => {
    await renderWithProviders(
      <ConnectionDot connection={{ state: 'failed', reason: unavailable }} live={false} />,
    )
    const dot = screen.getByTestId('connection-dot')
    await waitFor(() =>
      expect(dot.getAttribute('aria-label')).toMatch(/^The list could not be loaded \(.+\)$/),
    )
    expect(dot.getAttribute('data-state')).toBe('failed')
    expect(dot.getAttribute('aria-label')).not.toMatch(/headline\.|errors:/)
  })

  it('says a stale list is older data, without a reason when none is known', async () => {
    await renderWithProviders(<ConnectionDot connection={{ state: 'stale' }} live={false} />)
    expect(screen.getByTestId('connection-dot').getAttribute('aria-label')).toBe(
      'Showing older data: the last refresh failed',
    )
  })
})
