import { describe, expect, it } from 'vitest'
import { normaliseReason } from './normalise'
import { dockerPushTimeout, missingModule, REASONS, traceback } from './reasons.fixture'
import { failureSignature } from './signature'

const key = (reason: string) => failureSignature(reason).key

describe('failureSignature: one group for reasons that differ only in what varies', () => {
  it.each([
    [
      'tracebacks with other paths, line numbers, frames and sizes',
      traceback('/root/app', 42, '2.00 GiB', '1.02 GiB'),
      traceback('/home/user/projects/llama', 7, '512.00 MiB', '88.5 MiB'),
    ],
    [
      'a missing module under a different stack',
      missingModule('torch', 1),
      missingModule('torch', 4),
    ],
    [
      'Docker pushes of other layers, digests and progress',
      dockerPushTimeout('3f1a9c0de8b27c55aa01f7e3b9d4c2e18f60b7a9c3d5e1f2a4b6c8d0e2f4a6b8', 3),
      dockerPushTimeout('9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d', 7),
    ],
    ['sizes in different units and spacing', REASONS.sizeZh150, REASONS.sizeZh200],
    [
      'full-width and half-width punctuation, case and spacing',
      '审核未通过：镜像包含违规内容',
      '审核未通过:  镜像包含违规内容 ',
    ],
    [
      'timestamps, request ids and instance ids',
      '2026-11-02T08:13:44Z build of uhost-x7k2m9qa failed: request 6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      '2026/10/30 23:01:02 build of uhost-p0q9r8s7 failed: request 0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    ],
    [
      'overlay paths and shard numbers when the disk is full',
      REASONS.diskFullEn2,
      'write /var/lib/docker/overlay2/ab12cd34ef56/diff/opt/models/model-00011.safetensors: no space left on device',
    ],
    [
      'Windows line endings and trailing blank lines',
      'Push to registry failed\r\nblob upload unknown\r\n\r\n',
      'Push to registry failed\nblob upload unknown',
    ],
  ])('%s', (_name, a, b) => {
    expect(key(a)).toBe(key(b))
  })
})

describe('failureSignature: different causes stay apart', () => {
  it.each([
    ['two missing modules', missingModule('torch', 2), missingModule('xformers', 2)],
    ['two review rejections', REASONS.reviewZhContent, REASONS.reviewZhLicence],
    ['push 500 and push 502', REASONS.push500, REASONS.push502],
    ['disk full and over the size limit', REASONS.diskFullEn, REASONS.sizeZh150],
    [
      'CUDA out of memory and the CUDA driver',
      traceback('/a/b', 1, '1 GiB', '0 GiB'),
      REASONS.cudaDriver,
    ],
    ['nvidia-smi and the CUDA driver', REASONS.nvidiaSmi, REASONS.cudaDriver],
    ['the same cause in two languages', REASONS.stoppedZh, REASONS.stoppedEn],
    [
      'the same exception type with another message',
      'Traceback (most recent call last):\n  File "/a/b.py", line 1, in f\nRuntimeError: NCCL error: unhandled system error',
      'Traceback (most recent call last):\n  File "/a/b.py", line 1, in f\nRuntimeError: Expected all tensors to be on the same device',
    ],
  ])('%s', (_name, a, b) => {
    expect(key(a)).not.toBe(key(b))
  })
})

describe('failureSignature: key and summary', () => {
  it('gives a short hex key that depends only on the text (the same after a restart)', () => {
    const { key: k } = failureSignature(REASONS.diskFullZh)
    expect(k).toMatch(/^[0-9a-f]{12}$/)
    // A literal: a change to the normaliser that moves keys breaks shared `reason=` links.
    expect(k).toBe(failureSignature('系统盘空间不足，镜像制作失败，请清理数据盘后重试').key)
    expect(failureSignature('No space left on device while committing layer').key).toBe(
      'bbaa98b5c6f7',
    )
  })

  it("takes a traceback's final exception line as its summary, frames and carets aside", () => {
    expect(failureSignature(traceback('/root/app', 42, '2.00 GiB', '1.02 GiB')).summary).toBe(
      'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 23.65 GiB total capacity; 1.02 GiB free)',
    )
    expect(failureSignature(missingModule('torch', 3)).summary).toBe(
      "ModuleNotFoundError: No module named 'torch'",
    )
  })

  it('takes the last failing line of a log, and a one-line reason whole', () => {
    expect(failureSignature(dockerPushTimeout('ab'.repeat(32), 4)).summary).toBe(
      `error pushing layer sha256:${'ab'.repeat(32)}: net/http: TLS handshake timeout`,
    )
    expect(failureSignature(REASONS.reviewZhLicence).summary).toBe(REASONS.reviewZhLicence)
    expect(failureSignature('  built ok\n  exited\n').summary).toBe('built ok')
  })

  it('bounds a very long summary and copes with an empty reason', () => {
    expect(failureSignature('x'.repeat(5000)).summary).toHaveLength(300)
    expect(failureSignature('')).toEqual({
      key: expect.stringMatching(/^[0-9a-f]{12}$/),
      summary: '',
    })
  })
})

describe('normaliseReason', () => {
  it('replaces what varies and keeps the words', () => {
    expect(normaliseReason(REASONS.sizeEn)).toBe(
      'image size <size> exceeds the maximum image size of <size>',
    )
    expect(normaliseReason(REASONS.diskFullEn2)).toBe('write <path>: no space left on device')
    expect(normaliseReason(missingModule('torch', 2))).toBe(
      "traceback (most recent call last):\nmodulenotfounderror: no module named 'torch'",
    )
  })

  it('keeps a run of same-shaped progress lines once', () => {
    expect(normaliseReason(dockerPushTimeout('c0d1'.repeat(16), 5)).split('\n')).toEqual([
      'the push refers to repository [uhub.service.ucloud.cn/compshare/<id>]',
      '<hex>: pushing [=====> ] <size>/<size>',
      'error pushing layer <digest>: net/http: tls handshake timeout',
    ])
  })
})
