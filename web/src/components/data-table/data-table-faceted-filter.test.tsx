import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/test/render'
import { DataTableFacetedFilter } from './data-table-faceted-filter'

const options = [
  { value: 'Custom', label: 'Custom', count: 240 },
  { value: 'System', label: 'System', count: 0 },
  { value: 'App', label: 'App', count: 0 },
]

describe('DataTableFacetedFilter', () => {
  it('with hideEmpty, leaves out values counted 0 unless they are selected', async () => {
    await renderWithProviders(
      <DataTableFacetedFilter
        title="Type"
        options={options}
        selected={['App']}
        hideEmpty
        onChange={vi.fn()}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Type' }))
    await screen.findByRole('checkbox', { name: /Custom/ })
    expect(screen.getAllByRole('checkbox').map((box) => box.closest('label')!.textContent)).toEqual(
      ['Custom240', 'App0'],
    )
  })
})
