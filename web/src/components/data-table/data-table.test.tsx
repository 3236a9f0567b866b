import { act, fireEvent, render, screen } from '@testing-library/react'
import { createColumnHelper, useTable } from '@tanstack/react-table'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '@/test/render'
import { DataTable } from './data-table'
import { DataTableColumnHeader } from './data-table-column-header'
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
    header: ({ column }) => <DataTableColumnHeader column={column} title="Name" />,
    meta: { label: 'Name', width: 12 },
    cell: (info) => {
      cellRenders++
      return (
        <span>
          {info.getValue()}
          <button type="button" tabIndex={-1}>
            copy {info.getValue()}
          </button>
        </span>
      )
    },
  }),
])

/** A page like the dashboard's: the table's options are a new object on every render. */
function Harness({
  data,
  onSetFilter = () => {},
  onActivate,
  isLoading = false,
}: {
  data: Item[]
  onSetFilter?: (set: () => void) => void
  onActivate?: (id: string) => void
  isLoading?: boolean
}) {
  const [filter, setFilter] = useState('')
  const [sorting, setSorting] = useState<{ id: string; desc: boolean }[]>([])
  onSetFilter(() => setFilter((f) => `${f}x`))
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    state: { sorting },
    onSortingChange: (updater) =>
      setSorting((prev) => (typeof updater === 'function' ? updater(prev) : updater)),
  })
  return (
    <div data-filter={filter}>
      <DataTable
        table={table}
        label="Items"
        isLoading={isLoading}
        isFetching={false}
        density="comfortable"
        skeletonRows={5}
        emptyState={<p>Nothing here</p>}
        getRowLabel={(row) => `${row.original.name}, open`}
        onRowActivate={onActivate && ((row) => onActivate(row.id))}
      />
    </div>
  )
}

describe('DataTable', () => {
  afterEach(() => {
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

  it('is a grid whose rows are one Tab stop; arrows move between rows and into a row', () => {
    const onActivate = vi.fn()
    render(<Harness data={items(3)} onActivate={onActivate} />)
    expect(screen.getByRole('grid', { name: 'Items' })).toBeTruthy()
    const rows = screen.getAllByRole('row', { name: /, open$/ })
    expect(rows.map((row) => row.tabIndex)).toEqual([0, -1, -1])
    expect(screen.getAllByRole('button', { name: /^copy/ }).every((b) => b.tabIndex === -1)).toBe(
      true,
    )

    act(() => rows[0]!.focus())
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(rows[1])
    // The Tab stop follows focus.
    expect(rows.map((row) => row.tabIndex)).toEqual([-1, 0, -1])
    fireEvent.keyDown(rows[1]!, { key: 'End' })
    expect(document.activeElement).toBe(rows[2])
    fireEvent.keyDown(rows[2]!, { key: 'ArrowRight' })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'copy item 2' }))
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(rows[2])
    fireEvent.keyDown(rows[2]!, { key: 'Enter' })
    expect(onActivate).toHaveBeenCalledWith('item-2')
  })

  it('sorts from a header button and says so in aria-sort', () => {
    render(<Harness data={items(2)} />)
    const header = screen.getByRole('columnheader', { name: 'Name' })
    expect(header.getAttribute('aria-sort')).toBe('none')
    fireEvent.click(screen.getByRole('button', { name: 'Name' }))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
  })

  it('gives skeleton rows, rows and the empty state the same fixed column widths', () => {
    const { rerender } = render(<Harness data={[]} isLoading />)
    const widths = () => [...document.querySelectorAll('col')].map((col) => col.style.width)
    expect(screen.getAllByTestId('skeleton-row')).toHaveLength(5)
    expect(widths()).toEqual(['12rem'])
    rerender(<Harness data={[]} />)
    expect(screen.getByText('Nothing here')).toBeTruthy()
    expect(widths()).toEqual(['12rem'])
    rerender(<Harness data={items(2)} />)
    expect(widths()).toEqual(['12rem'])
  })
})
