import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { installDomShims, makeImage, setLanguage } from './image-drawer-test-utils'
import { ImageOverview, otherFields } from './image-overview'
import { ImageSoftware } from './image-software'

beforeAll(async () => {
  installDomShims()
  await setLanguage('en')
})
afterEach(cleanup)

function valueOf(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' })
  return term.nextElementSibling as HTMLElement
}

describe('ImageOverview', () => {
  it('formats known fields', () => {
    render(<ImageOverview image={makeImage()} />)
    expect(valueOf('Image ID').textContent).toContain('img-abc123')
    expect(valueOf('Container image').textContent).toContain('Yes')
    expect(valueOf('Visibility').textContent).toContain('Private')
    expect(valueOf('Size').textContent).toContain('20 GB')
    expect(valueOf('Size').querySelector('[title]')?.getAttribute('title')).toBe('20480 MB')
    expect(valueOf('Price').textContent).toContain('Free')
    expect(valueOf('Status').textContent).toContain('Available')
    expect(valueOf('Owner account').textContent).toContain('team-ml')
    expect(valueOf('Owner account').textContent).toContain('10001')
    expect(valueOf('Usage time').textContent).toBe('1 hr 5 min')
    expect(valueOf('Author verification').textContent).toBe('Verified')
    expect(valueOf('Created').querySelector('time')?.getAttribute('datetime')).toBe(
      '2023-11-14T22:13:20.000Z',
    )
    expect(within(valueOf('Tags')).getAllByRole('listitem')).toHaveLength(2)
    expect(valueOf('Description').textContent).toBe('Line one\nLine two')
    expect(screen.queryByText('Failure reason')).toBeNull()
  })

  it('says what a 0 means instead of showing it: not verified, not published, never used', () => {
    render(
      <ImageOverview
        image={makeImage({ AuthInfo: 0, PubTime: 0, ImageUseTime: 0, CreateTime: 0 })}
      />,
    )
    expect(valueOf('Author verification').textContent).toBe('Not verified')
    expect(valueOf('Published').textContent).toBe('Not published')
    expect(valueOf('Usage time').textContent).toBe('Never used')
    expect(valueOf('Created').textContent).toBe('Not set')
    expect(document.body.textContent).not.toMatch(/1970/)
    cleanup()
    render(<ImageOverview image={makeImage({ AuthInfo: 2, ImageUseTime: 7_200 + 59 })} />)
    expect(valueOf('Author verification').textContent).toBe('Verified')
    expect(valueOf('Author verification').querySelector('[title]')?.getAttribute('title')).toBe(
      'Verification level 2',
    )
    // Hours and minutes only; seconds stay in the title.
    expect(valueOf('Usage time').textContent).toBe('2 hr')
    expect(valueOf('Usage time').querySelector('[title]')?.getAttribute('title')).toBe(
      '7259 seconds',
    )
  })

  it('shows malformed values as such instead of hiding them', () => {
    const image = makeImage({
      CreatedCount: null,
      CreateTime: null,
      Visibility: 2,
      Container: 'Maybe',
      malformed: { CreatedCount: 'DQIOscsN', CreateTime: 'IFXxRGPj', 'Softwares.Weird': [1] },
    })
    render(<ImageOverview image={image} />)
    expect(valueOf('Instances created').textContent).toContain('Malformed: "DQIOscsN"')
    expect(valueOf('Created').textContent).toContain('Malformed: "IFXxRGPj"')
    expect(valueOf('Visibility').textContent).toContain('2')
    expect(valueOf('Container image').textContent).toContain('Maybe')
    // A malformed entry no renderer owns still surfaces under "Other fields".
    expect(valueOf('Softwares.Weird').textContent).toContain('Malformed: [1]')
  })

  it('lists unknown fields under "Other fields"', () => {
    render(<ImageOverview image={makeImage({ NewField: { a: 1 }, Flag: true })} />)
    expect(screen.getByRole('heading', { name: 'Other fields' })).toBeTruthy()
    expect(valueOf('NewField').textContent).toContain('{"a":1}')
    expect(valueOf('Flag').textContent).toContain('true')
    expect(otherFields(makeImage()).map((f) => f.key)).toEqual([])
  })

  it('survives odd data without crashing', () => {
    const odd = makeImage({
      Tags: 'x' as never,
      Softwares: 'y' as never,
      Owner: 5 as never,
      Name: 42 as never,
      Price: 'free' as never,
      Status: 'hlqtbVJG',
      CreateTime: -5,
      malformed: 'nope' as never,
    })
    render(<ImageOverview image={odd} />)
    expect(valueOf('Tags').textContent).toContain('Malformed: "x"')
    expect(valueOf('Owner account').textContent).toContain('Malformed: 5')
    expect(valueOf('Name').textContent).toContain('Malformed: 42')
    expect(valueOf('Price').textContent).toContain('Malformed: "free"')
    expect(valueOf('Status').textContent).toContain('hlqtbVJG')
    expect(valueOf('Created').textContent).toContain('-5')
    cleanup()
    render(<ImageSoftware image={odd} />)
    expect(screen.getByText('Malformed: "y"')).toBeTruthy()
  })

  it('shows "—" for null and missing values, and an empty owner', () => {
    render(
      <ImageOverview
        image={makeImage({ Owner: null, Author: null, Tags: [], GroupId: undefined })}
      />,
    )
    for (const label of ['Owner account', 'Author', 'Tags', 'Group ID']) {
      expect(valueOf(label).textContent).toContain('—')
    }
  })
})

describe('ImageSoftware', () => {
  it('shows framework, versions and applications', () => {
    render(<ImageSoftware image={makeImage()} />)
    expect(screen.getByText('PyTorch')).toBeTruthy()
    expect(screen.getByText('2.4.0')).toBeTruthy()
    expect(screen.getByText('12.4')).toBeTruthy()
    expect(screen.getByText('JupyterLab')).toBeTruthy()
    expect(screen.getByText('vLLM')).toBeTruthy()
  })

  it('marks malformed parts and missing ones', () => {
    const image = makeImage({
      Softwares: { Framework: null, FrameworkVersion: null, CUDAVersion: null, Applications: null },
      malformed: { 'Softwares.CUDAVersion': 12.4 },
    })
    render(<ImageSoftware image={image} />)
    expect(screen.getByText('Malformed: 12.4')).toBeTruthy()
    expect(screen.getAllByText('—').length).toBeGreaterThanOrEqual(2)
    expect(screen.getByText('No applications listed')).toBeTruthy()
  })
})
