import { describe, expect, it } from 'vitest'
import { HINT_CATALOG } from './hint-catalog'
import { failureHint, matchHint } from './hints'
import { dockerPushTimeout, REASONS, traceback } from './reasons.fixture'

const causeOf = (reason: string) => matchHint(reason)?.id ?? null

describe('the hint catalog', () => {
  it.each([
    ['size-limit', REASONS.sizeZh150],
    ['size-limit', REASONS.sizeZh200],
    ['size-limit', REASONS.sizeEn],
    ['disk-full', REASONS.diskFullEn],
    ['disk-full', REASONS.diskFullEn2],
    ['disk-full', REASONS.diskFullZh],
    ['instance-stopped', REASONS.stoppedZh],
    ['instance-stopped', REASONS.stoppedEn],
    ['instance-stopped', '实例 uhost-x7k2m9qa 在镜像制作过程中被关机，制作中断'],
    ['instance-stopped', 'Instance uhost-x7k2m9qa was shut down during the build'],
    ['cuda-driver', REASONS.cudaDriver],
    ['cuda-driver', REASONS.cudaDriverZh],
    ['nvidia-smi', REASONS.nvidiaSmi],
    [
      'push-timeout',
      dockerPushTimeout('3f1a9c0de8b27c55aa01f7e3b9d4c2e18f60b7a9c3d5e1f2a4b6c8d0e2f4a6b8', 2),
    ],
    ['push-timeout', 'failed to push layer sha256:9c1e2f: i/o timeout'],
    ['push-timeout', '推送镜像层超时（sha256:3f1a9c0d），请稍后重试'],
    ['cuda-oom', traceback('/root/app', 12, '2.00 GiB', '1.00 GiB')],
    ['cuda-oom', 'RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB'],
    ['review-rejected', REASONS.reviewZhContent],
    ['review-rejected', REASONS.reviewZhLicence],
    ['review-rejected', REASONS.reviewEn],
  ])('names %s for %j', (cause, reason) => {
    expect(causeOf(reason)).toBe(cause)
  })

  it.each([
    REASONS.push500,
    REASONS.snapshotBusy,
    REASONS.buildTimeoutZh,
    "ModuleNotFoundError: No module named 'torch'",
    'Image build timed out after 7200s',
    '',
  ])('gives no hint for an unknown cause: %j', (reason) => {
    expect(failureHint(reason)).toBeNull()
  })

  it('has every cause the triage view promises, each with both languages', () => {
    expect(HINT_CATALOG.map((e) => e.id).sort()).toEqual(
      [
        'cuda-driver',
        'cuda-oom',
        'disk-full',
        'instance-stopped',
        'nvidia-smi',
        'push-timeout',
        'review-rejected',
        'size-limit',
      ].sort(),
    )
    for (const entry of HINT_CATALOG) {
      expect(entry.zh, entry.id).toMatch(/[\u4e00-\u9fff]/)
      expect(entry.en, entry.id).toMatch(/^[\x20-\x7e]+$/)
      if ('docs' in entry) expect(entry.docs).toMatch(/^https:\/\//)
    }
  })

  it('answers design.md §4 hints: zh and en, docs only where the entry has a page', () => {
    expect(failureHint(REASONS.cudaDriver)).toEqual({
      zh: expect.stringContaining('CUDA'),
      en: expect.stringContaining('CUDA'),
      docs: 'https://docs.nvidia.com/deploy/cuda-compatibility/',
    })
    expect(failureHint(REASONS.diskFullZh)).not.toHaveProperty('docs')
  })

  it('reads full-width text as half-width', () => {
    expect(causeOf('ＣＵＤＡ ｏｕｔ ｏｆ ｍｅｍｏｒｙ')).toBe('cuda-oom')
  })
})
