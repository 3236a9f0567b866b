import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import { renderWithProviders } from '@/test/render'
import { ErrorView } from './error-view'

const unavailable = new ApiError({
  status: 503,
  code: 'UPSTREAM_UNAVAILABLE',
  message: 'The CompShare API answered HTTP 502 Bad Gateway',
  upstreamStatus: 502,
  requestId: 'b3f1c2d4-0000-4000-8000-000000000001',
})
const unknownProject = new ApiError({
  status: 502,
  code: 'UPSTREAM_ERROR',
  message: 'Project not found',
  retCode: 292,
  upstreamStatus: 200,
})

/** The details list as `label value` pairs. */
function details(): string[][] {
  const dl = screen.getByTestId('error-view').querySelector('dl')!
  return [...dl.querySelectorAll('dt')].map((dt) => [
    dt.textContent ?? '',
    dt.nextElementSibling?.textContent ?? '',
  ])
}

describe('ErrorView', () => {
  it('headline in words, the server’s message beneath it, both statuses labelled apart', async () => {
    await renderWithProviders(<ErrorView error={unavailable} onRetry={vi.fn()} />)
    const view = screen.getByRole('alert', { name: 'The CompShare API is unavailable' })
    expect(within(view).getByRole('heading').textContent).toBe('The CompShare API is unavailable')
    const message = screen.getByTestId('error-message')
    expect(message.textContent).toBe(
      "ImageDeck server's messageThe CompShare API answered HTTP 502 Bad Gateway",
    )
    expect(details()).toEqual([
      ['Code', 'UPSTREAM_UNAVAILABLE'],
      ['ImageDeck server', 'HTTP 503'],
      ['CompShare API', 'HTTP 502'],
      ['Request ID', 'b3f1c2d4-0000-4000-8000-000000000001'],
    ])
    expect(screen.getByRole('button', { name: 'Copy request ID' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Use the default project' })).toBeNull()
  })

  it('in zh-CN: a Chinese headline, the API’s own message verbatim beneath, labelled as CompShare’s', async () => {
    const error = new ApiError({
      status: 502,
      code: 'UPSTREAM_ERROR',
      message: 'Signature VerifyAC Error',
      retCode: 171,
      upstreamStatus: 200,
    })
    await renderWithProviders(<ErrorView error={error} onRetry={vi.fn()} />, {
      language: 'zh-CN',
    })
    expect(screen.getByRole('heading').textContent).toBe('优云智算拒绝了密钥签名')
    const message = screen.getByTestId('error-message')
    expect(message.querySelector('figcaption')!.textContent).toBe('优云智算返回的消息')
    expect(message.querySelector('blockquote')!.textContent).toBe('Signature VerifyAC Error')
    expect(details()).toEqual([
      ['错误码', 'UPSTREAM_ERROR'],
      ['ImageDeck 服务器', 'HTTP 502'],
      ['优云智算 API', 'HTTP 200'],
      ['RetCode', '171'],
    ])
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
  })

  it('an unknown project offers the default project, and Retry stays', async () => {
    const onRetry = vi.fn()
    const onUseDefaultProject = vi.fn()
    await renderWithProviders(
      <ErrorView
        error={unknownProject}
        onRetry={onRetry}
        onUseDefaultProject={onUseDefaultProject}
      />,
    )
    expect(screen.getByRole('heading').textContent).toBe("This project doesn't exist")
    fireEvent.click(screen.getByRole('button', { name: 'Use the default project' }))
    expect(onUseDefaultProject).toHaveBeenCalledOnce()
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('offers the default project only for a project error, and only when the page can switch', async () => {
    const { unmount } = await renderWithProviders(<ErrorView error={unknownProject} />)
    expect(screen.queryByRole('button', { name: 'Use the default project' })).toBeNull()
    unmount()
    await renderWithProviders(<ErrorView error={unavailable} onUseDefaultProject={vi.fn()} />)
    expect(screen.queryByRole('button', { name: 'Use the default project' })).toBeNull()
  })
})
