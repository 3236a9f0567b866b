import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImageDetail } from '@contract/api'
import {
  installDomShims,
  makeImage,
  renderWithQuery,
  setLanguage,
  stubFetch,
} from './image-drawer-test-utils'
import { ImageVersions } from './image-versions'

const scope = { region: 'cn-wlcb', zone: 'cn-wlcb-01', project: '' }

const FAMILY: ImageDetail[] = [
  makeImage({
    CompShareImageId: 'img-v3',
    VersionName: 'v1.2',
    CreateTime: 1_700_300_000,
    Status: 'UnAvailable',
    FailedReason: 'No space left on device',
    Size: 30720,
    Tags: ['llm', 'vllm'],
    Softwares: {
      Framework: 'PyTorch',
      FrameworkVersion: '2.5.0',
      CUDAVersion: '12.4',
      Applications: ['JupyterLab', 'vLLM'],
    },
    Readme: '# Model\n\nRun it.\n\n## New section\nNew text.\n',
  }),
  makeImage({
    CompShareImageId: 'img-v2',
    VersionName: 'v1.1',
    CreateTime: 1_700_200_000,
    Status: 'Available',
    Size: 20480,
    Tags: ['pytorch', 'llm'],
    Softwares: {
      Framework: 'PyTorch',
      FrameworkVersion: '2.4.0',
      CUDAVersion: '12.4',
      Applications: ['JupyterLab'],
    },
    Readme: '# Model\n\nRun it.\n\nOld text.\n',
  }),
  makeImage({
    CompShareImageId: 'img-v1',
    VersionName: 'v1.0',
    CreateTime: 1_700_100_000,
    Status: 'Available',
    Readme: '# Model\n\nRun it.\n\nOld text.\n',
  }),
]

function routes() {
  return stubFetch((url) => {
    if (url.pathname === '/api/images') {
      return { body: { items: FAMILY.map(({ Readme: _r, ...rest }) => rest), total: 3 } }
    }
    const id = decodeURIComponent(url.pathname.replace('/api/images/', ''))
    const image = FAMILY.find((i) => i.CompShareImageId === id)
    return image ? { body: image } : undefined
  })
}

function renderVersions(image: ImageDetail) {
  const onSelectImage = vi.fn()
  renderWithQuery(<ImageVersions image={image} scope={scope} onSelectImage={onSelectImage} />)
  return { onSelectImage }
}

beforeAll(() => installDomShims())
beforeEach(async () => {
  await setLanguage('en')
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('ImageVersions: comparing two versions', () => {
  it('compares the open version with the one before it: fields, tags and the readme lines', async () => {
    routes()
    renderVersions(FAMILY[0]!)
    const compare = await screen.findByTestId('version-compare')
    expect((within(compare).getByLabelText('From') as HTMLSelectElement).value).toBe('img-v2')
    expect((within(compare).getByLabelText('To') as HTMLSelectElement).value).toBe('img-v3')

    const table = within(compare).getByTestId('compare-fields')
    const changed = [...table.querySelectorAll('tr[data-changed]')].map((row) =>
      row.querySelector('th')?.textContent?.replace(/Changed$/, ''),
    )
    expect(changed).toEqual(['Status', 'Size', 'Framework version', 'Applications', 'Tags'])
    expect(within(compare).getByTestId('compare-summary').textContent).toBe('5 fields changed')
    const tags = within(table).getByRole('row', { name: /Tags/ })
    expect(within(tags).getByText('pytorch').closest('[data-slot="badge"]')?.className).toContain(
      'line-through',
    )
    expect(within(tags).getByText('vllm').closest('[data-slot="badge"]')?.textContent).toBe(
      '+added: vllm',
    )

    // The readme diff is its own lazy chunk, with both readmes fetched.
    const diff = await within(compare).findByTestId('readme-diff', {}, { timeout: 5000 })
    const kinds = [...diff.querySelectorAll('[data-kind]')].map(
      (row) => `${row.getAttribute('data-kind')}:${row.textContent?.replace(/^\s*[+−]?/, '')}`,
    )
    expect(kinds).toContain('removed:removed:Old text.')
    expect(kinds).toContain('added:added:## New section')
    expect(within(compare).getByTestId('readme-diff-stats').textContent).toContain('+2 lines')
  }, 15_000)

  it('compares any two versions the user picks, and swaps them', async () => {
    routes()
    renderVersions(FAMILY[0]!)
    const compare = await screen.findByTestId('version-compare')
    fireEvent.change(within(compare).getByLabelText('From'), { target: { value: 'img-v1' } })
    fireEvent.change(within(compare).getByLabelText('To'), { target: { value: 'img-v2' } })
    await waitFor(() =>
      expect(within(compare).getByTestId('compare-summary').textContent).toBe('1 field changed'),
    )
    expect(
      await within(compare).findByText('The readmes are the same.', {}, { timeout: 5000 }),
    ).toBeTruthy()
    fireEvent.click(within(compare).getByRole('button', { name: 'Swap versions' }))
    expect((within(compare).getByLabelText('From') as HTMLSelectElement).value).toBe('img-v2')
    fireEvent.change(within(compare).getByLabelText('To'), { target: { value: 'img-v2' } })
    expect(within(compare).getByText(/Choose two different versions/)).toBeTruthy()
  }, 15_000)

  it('points a failed version at the newest Available one of the family', async () => {
    routes()
    const { onSelectImage } = renderVersions(FAMILY[0]!)
    const callout = await screen.findByTestId('newest-available')
    expect(callout.textContent).toContain('v1.1')
    fireEvent.click(within(callout).getByRole('button', { name: /Open v1\.1/ }))
    expect(onSelectImage).toHaveBeenCalledWith('img-v2')
    cleanup()
    // A working version gets no such pointer.
    renderVersions(FAMILY[1]!)
    await screen.findByTestId('version-compare')
    expect(screen.queryByTestId('newest-available')).toBeNull()
  })

  it('says so when no version of a failed family is available', async () => {
    await setLanguage('zh-CN')
    stubFetch((url) =>
      url.pathname === '/api/images'
        ? {
            body: {
              items: [FAMILY[0], { ...FAMILY[1], Status: 'Offline' }],
              total: 2,
            },
          }
        : undefined,
    )
    renderVersions(FAMILY[0]!)
    expect((await screen.findByTestId('newest-available')).textContent).toBe(
      '该镜像族暂无可用版本。',
    )
    expect(screen.getByRole('heading', { name: '版本对比' })).toBeTruthy()
  })
})
