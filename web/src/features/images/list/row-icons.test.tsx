import { render } from '@testing-library/react'
import { CopyIcon, LockIcon } from 'lucide-react'
import { describe, expect, it } from 'vitest'
import { IMAGE_STATUSES } from '@contract/api'
import { statusOption } from '../image-status'
import { RowIcon, RowIconSprite } from './row-icons'

/** The shapes a lucide icon draws: its children's tags and attributes, in order. */
function shapes(svg: Element | null): string[] {
  return [...(svg?.children ?? [])].map(
    (child) =>
      `${child.tagName} ${[...child.attributes].map((a) => `${a.name}=${a.value}`).join(' ')}`,
  )
}

function symbolOf(container: HTMLElement, icon: Element): Element | null {
  const href = icon.querySelector('use')?.getAttribute('href') ?? ''
  expect(href).toMatch(/^#row-icon-/)
  return container.querySelector(`symbol[id="${href.slice(1)}"]`)
}

describe('row icons', () => {
  it('point at a symbol of the sprite that draws the lucide icon they stand for', () => {
    const { container } = render(
      <>
        <RowIconSprite />
        <RowIcon name="copy" className="size-3.5" />
        <RowIcon name="private" />
      </>,
    )
    const [copy, lock] = [...container.querySelectorAll('svg:has(> use)')]
    expect(copy!.getAttribute('class')).toBe('size-3.5')
    expect(copy!.getAttribute('aria-hidden')).toBe('true')
    const lucideCopy = render(<CopyIcon />).container.querySelector('svg')
    const lucideLock = render(<LockIcon />).container.querySelector('svg')
    expect(shapes(symbolOf(container, copy!)?.querySelector('svg') ?? null)).toEqual(
      shapes(lucideCopy),
    )
    expect(shapes(symbolOf(container, lock!)?.querySelector('svg') ?? null)).toEqual(
      shapes(lucideLock),
    )
  })

  it('has every status, drawn as its status option says', () => {
    const { container } = render(
      <>
        <RowIconSprite />
        {IMAGE_STATUSES.map((status) => (
          <RowIcon key={status} name={status} />
        ))}
      </>,
    )
    const icons = [...container.querySelectorAll('svg:has(> use)')]
    expect(icons).toHaveLength(IMAGE_STATUSES.length)
    IMAGE_STATUSES.forEach((status, i) => {
      const Lucide = statusOption(status)!.icon
      const drawn = symbolOf(container, icons[i]!)?.querySelector('svg') ?? null
      expect(shapes(drawn)).toEqual(shapes(render(<Lucide />).container.querySelector('svg')))
      expect(shapes(drawn).length).toBeGreaterThan(0)
    })
  })

  it('keeps the sprite out of the layout and of the accessibility tree', () => {
    const { container } = render(<RowIconSprite />)
    const sprite = container.querySelector('svg')!
    expect(sprite.getAttribute('aria-hidden')).toBe('true')
    expect(sprite.getAttribute('class')!.split(' ')).toEqual(
      expect.arrayContaining(['absolute', 'size-0', 'overflow-hidden']),
    )
    expect(new Set([...sprite.querySelectorAll('symbol')].map((s) => s.id)).size).toBe(
      sprite.querySelectorAll('symbol').length,
    )
  })
})
