import { act, render, screen } from '@testing-library/react'
import { createColumnHelper, useTable } from '@tanstack/react-table'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '@/test/render'
import { DataTable } from './data-table'
import { dataTableFeatures } from './data-table-features'

interface Item {
  id: string
  name: string
}

const items = (n: number, prefix = 'item'): Item[] =>
  Array.from({ length: n }, (_, k) => ({ id: `${prefix}-${k}`, name: `${prefix} ${k}` }))

let cellRenders = 0
const helper = createColumnHelper<typeof dataTableFeatures, Item>()
const columns = helper.columns([
  helper.accessor('name', {
    header: 'Name',
    meta: { label: 'Name' },
    cell: (info) => {
      cellRenders++
      return <span>{info.getValue()}</span>
    },
  }),
])

/** A page like the dashboard's: the table's options are a new object on every render. */
function Harness({ data, onSetFilter }: { data: Item[]; onSetFilter: (set: () => void) => void }) {
  const [filter, setFilter] = useState('')
  onSetFilter(() => setFilter((f) => `${f}x`))
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
  })
  return (
    <div data-filter={filter}>
      <DataTable
        table={table}
        label="Items"
        isLoading={false}
        isFetching={false}
        density="comfortable"
        skeletonRows={5}
        emptyState={null}
      />
    </div>
  )
}

describe('DataTable', () => {
  afterEach(() => {
    vi.useRealTimers()
    cellRenders = 0
  })

  it('does not render its rows again when the page around it renders (a URL change)', () => {
    let bump = () => {}
    render(<Harness data={items(10)} onSetFilter={(set) => (bump = set)} />)
    expect(screen.getAllByRole('row')).toHaveLength(11)
    const before = cellRenders
    expect(before).toBe(10)
    act(() => bump())
    act(() => bump())
    expect(cellRenders).toBe(before)
  })

  it('mounts a long page in slices and ends with every row', async () => {
    vi.useFakeTimers()
    render(<Harness data={items(50)} onSetFilter={() => {}} />)
    // Header row + the first slice of 20.
    expect(screen.getAllByRole('row')).toHaveLength(21)
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true')
    for (let k = 0; k < 3; k++) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(40)
      })
    }
    expect(screen.getAllByRole('row')).toHaveLength(51)
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('false')
  })
})
