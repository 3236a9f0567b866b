import { describe, expect, it } from 'vitest'
import { failureSummary, hasMoreThanSummary } from './failure-summary'

describe('failureSummary', () => {
  it('keeps a one-line reason as it is, in either language', () => {
    expect(failureSummary('镜像大小超过上限 150GB')).toBe('镜像大小超过上限 150GB')
    expect(failureSummary('  Instance stopped during image creation \n')).toBe(
      'Instance stopped during image creation',
    )
    expect(hasMoreThanSummary('Instance stopped during image creation\n\n')).toBe(false)
  })

  it('takes the final exception line of a Python traceback, not the frames or the hints after it', () => {
    const reason = [
      'Step 7/9 : RUN python warmup.py',
      'Traceback (most recent call last):',
      '  File "/workspace/warmup.py", line 42, in <module>',
      '    model.to("cuda")',
      '    ^^^^^^^^^^^^^^^^',
      '  File "/usr/lib/python3.10/site-packages/torch/nn/modules/module.py", line 1160, in to',
      '    return self._apply(convert)',
      'RuntimeError: CUDA error: out of memory',
      'CUDA kernel errors might be asynchronously reported at some other API call.',
      'For debugging consider passing CUDA_LAUNCH_BLOCKING=1.',
    ].join('\r\n')
    expect(failureSummary(reason)).toBe('RuntimeError: CUDA error: out of memory')
    expect(hasMoreThanSummary(reason)).toBe(true)
  })

  it('takes the last exception of a chained traceback', () => {
    const reason = [
      'Traceback (most recent call last):',
      '  File "a.py", line 1, in <module>',
      "KeyError: 'model'",
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "a.py", line 3, in <module>',
      '    raise ValueError("no model configured")',
      'ValueError: no model configured',
    ].join('\n')
    expect(failureSummary(reason)).toBe('ValueError: no model configured')
  })

  it('skips stack frames, separators and exit codes at the end of a log', () => {
    const push = [
      'The push refers to repository [uhub.service.ucloud.cn/team/pytorch]',
      '3f1a2b4c: Pushing 1.2GB/4.5GB',
      'failed to push layer sha256:3f1a2b4c: blob upload unknown',
      '----------',
      'exit status 1',
    ].join('\n')
    expect(failureSummary(push)).toBe('failed to push layer sha256:3f1a2b4c: blob upload unknown')
    const java = 'java.lang.IllegalStateException: disk full\n\tat a.B.c(B.java:10)\n\t... 3 more'
    expect(failureSummary(java)).toBe('java.lang.IllegalStateException: disk full')
  })

  it('falls back to the last line when nothing else is left, and to empty text for none', () => {
    expect(failureSummary('exit status 2')).toBe('exit status 2')
    expect(failureSummary(' \n\n')).toBe('')
  })
})
