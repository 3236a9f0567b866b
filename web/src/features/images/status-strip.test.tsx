import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/test/render'
import { StatusStrip, toggleStatus } from './status-strip'

describe('StatusStrip', () => {
  it('shows every status with its count, in order, and toggles one', async () => {
    const onToggle = vi.fn()
    await renderWithProviders(
      <StatusStrip
        counts={{ Available: 170, UnAvailable: 38, Making: 3, Reviewing: 12 }}
        selected={['UnAvailable']}
        onToggle={onToggle}
      />,
    )
    const buttons = screen.getAllByRole('button')
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Available: 170',
      'Unavailable: 38',
      'Making: 3',
      'Reviewing: 12',
      'Offline: 0',
    ])
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'false',
      'true',
      'false',
      'false',
      'false',
    ])
    fireEvent.click(screen.getByRole('button', { name: 'Making: 3' }))
    expect(onToggle).toHaveBeenCalledWith('Making')
  })

  it('adds or removes one status of the filter', () => {
    expect(toggleStatus(['UnAvailable'], 'Making')).toEqual(['UnAvailable', 'Making'])
    expect(toggleStatus(['UnAvailable', 'Making'], 'UnAvailable')).toEqual(['Making'])
  })
})
