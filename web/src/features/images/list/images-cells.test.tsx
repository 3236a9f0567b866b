import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Image } from '@contract/api'
import { renderWithProviders } from '@/test/render'
import {
  CountCell,
  FrameworkCell,
  PriceCell,
  SizeCell,
  StatusCell,
  TimeCell,
  VisibilityCell,
} from './images-cells'
import { NameCell } from './images-name-cell'
import { ImagesCellContext, TagsCell } from './images-tags-cell'

const image = (fields: Record<string, unknown>) => fields as unknown as Image

afterEach(() => vi.restoreAllMocks())

describe('image cells', () => {
  it('formats ordinary values', async () => {
    await renderWithProviders(
      <div>
        <p>
          <SizeCell image={image({ Size: 2048 })} />
        </p>
        <p>
          <PriceCell image={image({ Price: 0 })} />
        </p>
        <p>
          <PriceCell image={image({ Price: 1.5 })} />
        </p>
        <p>
          <VisibilityCell image={image({ Visibility: 1 })} />
        </p>
        <p>
          <FrameworkCell
            image={image({ Softwares: { Framework: 'PyTorch', FrameworkVersion: '2.4.0' } })}
          />
        </p>
        <p>
          <CountCell image={image({ CreatedCount: 12345 })} field="CreatedCount" />
        </p>
      </div>,
    )
    expect(screen.getByText('2 GB')).toBeTruthy()
    expect(screen.getByText('Free')).toBeTruthy()
    expect(screen.getByText('¥1.50')).toBeTruthy()
    expect(screen.getByText('Public')).toBeTruthy()
    expect(screen.getByText('PyTorch')).toBeTruthy()
    expect(screen.getByText('2.4.0')).toBeTruthy()
    expect(screen.getByText('12K')).toBeTruthy()
  })

  it('shows null as a dash', async () => {
    const { container } = await renderWithProviders(
      <div>
        <p>
          <SizeCell image={image({ Size: null })} />
        </p>
        <p>
          <TimeCell image={image({ CreateTime: null })} field="CreateTime" />
        </p>
      </div>,
    )
    expect(container.textContent).toBe('——')
  })

  it('marks malformed values and keeps the raw value on hover, never hiding them', async () => {
    await renderWithProviders(
      <div>
        <p>
          <SizeCell image={image({ Size: null, malformed: { Size: 'about 20G' } })} />
        </p>
        <FrameworkCell
          image={image({
            Softwares: { Framework: 'vLLM' },
            malformed: { 'Softwares.FrameworkVersion': [1, 2] },
          })}
        />
      </div>,
    )
    const markers = screen.getAllByTestId('malformed-value')
    expect(markers).toHaveLength(2)
    expect(markers[0]!.getAttribute('title')).toBe('Malformed: "about 20G"')
    expect(markers[1]!.getAttribute('title')).toBe('Malformed: [1,2]')
    expect(markers[0]!.textContent).toContain('malformed')
  })

  it('does not crash on odd data', async () => {
    await renderWithProviders(
      <div>
        <NameCell
          image={image({ Name: 42, CompShareImageId: null, Cover: 'javascript:alert(1)' })}
        />
        <StatusCell image={image({ Status: 'Exploded', FailedReason: 7 })} />
        <TagsCell image={image({ Tags: 'not-a-list' })} />
        <p>
          <VisibilityCell image={image({ Visibility: 'yes' })} />
        </p>
        <p>
          <TimeCell image={image({ CreateTime: 'yesterday' })} field="CreateTime" />
        </p>
      </div>,
    )
    expect(screen.getByText('42')).toBeTruthy()
    expect(screen.getByText('Unknown (Exploded)')).toBeTruthy()
    expect(document.querySelector('img')).toBeNull()
  })

  it('renders a cover only for http(s) URLs, lazily and without a referrer', async () => {
    await renderWithProviders(
      <NameCell image={image({ Name: 'A', Cover: 'https://cdn.test/a.png' })} />,
    )
    const img = document.querySelector('img')!
    expect(img.getAttribute('src')).toBe('https://cdn.test/a.png')
    expect(img.getAttribute('loading')).toBe('lazy')
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer')
    expect(img.getAttribute('alt')).toBe('')
  })

  it('shows the failure reason under the status, in full on hover', async () => {
    const reason = 'CUDA driver version is insufficient for CUDA runtime version'
    await renderWithProviders(
      <StatusCell image={image({ Status: 'UnAvailable', FailedReason: reason })} />,
    )
    expect(screen.getByText('Unavailable')).toBeTruthy()
    expect(screen.getByTestId('failure-reason').textContent).toBe(reason)
    // The tooltip's chunk has loaded once the text is its trigger.
    await waitFor(() =>
      expect(screen.getByTestId('failure-reason').getAttribute('data-state')).toBe('closed'),
    )
    const text = screen.getByTestId('failure-reason')
    // Keyboard focus (→ from the row) shows the whole reason in a tooltip that describes it.
    act(() => text.focus())
    const tooltip = await screen.findByRole('tooltip')
    expect(tooltip.textContent).toBe(reason)
    expect(text.getAttribute('aria-describedby')).toBe(tooltip.id)
  })

  it('copies the image id from a named button', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true })
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await renderWithProviders(<NameCell image={image({ Name: 'A', CompShareImageId: 'img-1' })} />)
    screen.getByRole('button', { name: 'Copy image ID' }).click()
    expect(writeText).toHaveBeenCalledWith('img-1')
  })

  it('turns a tag chip into a tag filter', async () => {
    const onTagClick = vi.fn()
    await renderWithProviders(
      <ImagesCellContext value={{ activeTags: ['llm'], onTagClick }}>
        <TagsCell image={image({ Tags: ['llm', 'cuda', 'rag', 'ocr'] })} />
      </ImagesCellContext>,
    )
    const llm = screen.getByRole('button', { name: 'Filter by tag llm' })
    expect(llm.getAttribute('aria-pressed')).toBe('true')
    screen.getByRole('button', { name: 'Filter by tag cuda' }).click()
    expect(onTagClick).toHaveBeenCalledWith('cuda')
    expect(screen.getByText('+2').getAttribute('title')).toBe('+2 more tags: rag, ocr')
  })
})
