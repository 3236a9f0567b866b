/**
 * Why a generated build failed: one generator per cause, each drawing its own sizes, ids, digests,
 * paths and stack frames, so that the triage view (design.md §4 `/api/failures`) has groups of
 * several images whose reasons differ in those parts only. Every cause of the hint catalog
 * (proxy/failures/hint-catalog.ts) is here, plus a few causes the catalog does not know.
 */
import type { Draw } from './prng'

type Reason = (d: Draw) => string

/** `length` hex digits, eight per draw (a 100,000-image list draws thousands of digests). */
const hex = (d: Draw, length: number): string => {
  let out = ''
  while (out.length < length)
    out += Math.floor(d.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0')
  return out.slice(0, length)
}
const uhost = (d: Draw) => `uhost-${d.alnum(8)}`
const APP_DIRS = ['/root/app', '/root/workspace/ComfyUI', '/home/ubuntu/llm-serve', '/data/train']
const SITE = '/usr/local/lib/python3.10/site-packages'

const traceback = (d: Draw, frames: readonly string[][], last: string): string =>
  [
    'Traceback (most recent call last):',
    ...frames.flatMap(([file, fn, code]) => [
      `  File "${file}", line ${d.int(12, 1400)}, in ${fn}`,
      `    ${code}`,
    ]),
    last,
  ].join('\n')

const cudaOom: Reason = (d) => {
  const app = d.pick(APP_DIRS)
  const total = d.pick([23.65, 79.15, 44.35])
  const frames = [
    [`${app}/${d.pick(['train.py', 'serve.py', 'warmup.py'])}`, '<module>', 'model.to("cuda")'],
    [`${SITE}/torch/nn/modules/module.py`, 'to', 'return self._apply(convert)'],
    [`${SITE}/torch/nn/modules/module.py`, '_apply', 'param_applied = fn(param)'],
  ].slice(0, d.int(1, 3))
  return traceback(
    d,
    frames,
    `torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate ${d.int(2, 80) * 0.25} GiB ` +
      `(GPU 0; ${total} GiB total capacity; ${(total * 0.9).toFixed(2)} GiB already allocated; ` +
      `${d.int(10, 900)}.${d.int(10, 99)} MiB free; PyTorch reserved ${d.int(1, 20)}.00 GiB in total)`,
  )
}

const pushTimeout: Reason = (d) => {
  const layers = Array.from({ length: d.int(2, 5) }, () => hex(d, 12))
  return [
    `The push refers to repository [uhub.service.ucloud.cn/compshare-image/${d.alnum(12)}]`,
    ...layers.map(
      (l) =>
        `${l}: Pushing [=====>      ] ${d.int(100, 900)}.${d.int(1, 9)}MB/${d.int(1, 9)}.${d.int(1, 9)}GB`,
    ),
    `error pushing layer sha256:${hex(d, 64)}: net/http: TLS handshake timeout`,
  ].join('\n')
}

const moduleMissing: Reason = (d) =>
  traceback(
    d,
    [
      [
        `${d.pick(APP_DIRS)}/main.py`,
        '<module>',
        'from xformers.ops import memory_efficient_attention',
      ],
    ],
    "ModuleNotFoundError: No module named 'xformers'",
  )

/** Each cause with its weight: how often it fails a build in this demo account. */
export const FAILURE_CAUSES: readonly (readonly [Reason, number])[] = [
  // system disk full
  [
    (d) =>
      `write /var/lib/docker/overlay2/${hex(d, 64)}/diff/root/.cache/huggingface/hub/models--${d.pick(['Qwen--Qwen2.5-7B-Instruct', 'black-forest-labs--FLUX.1-dev', 'meta-llama--Llama-3.1-8B'])}/blobs/${hex(d, 40)}: no space left on device`,
    24,
  ],
  [(d) => `系统盘空间不足（剩余 ${d.int(12, 900)} MB），镜像制作失败，请清理系统盘后重试`, 6],
  // over the size limit
  [(d) => `镜像大小超过上限 150GB（当前 ${d.int(151, 240)} GB）`, 5],
  [(d) => `Image size ${d.int(154, 260) * 1024} MB exceeds the maximum image size of 153600 MB`, 3],
  // instance stopped during the build
  [(d) => `实例 ${uhost(d)} 在镜像制作过程中被关机，制作中断`, 4],
  [
    (d) =>
      `Instance ${uhost(d)} stopped during image creation at 2026-${String(d.int(1, 10)).padStart(2, '0')}-${String(d.int(10, 28))}T${String(d.int(10, 23))}:${String(d.int(10, 59))}:00Z`,
    2,
  ],
  // CUDA / driver mismatch, nvidia-smi
  [
    (d) =>
      `CUDA driver version is insufficient for CUDA runtime version (driver ${d.pick(['525.105.17', '470.182.03', '535.54.03'])}, runtime ${d.pick(['12.4', '12.6', '12.8'])})`,
    4,
  ],
  [
    () =>
      "nvidia-smi: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.",
    3,
  ],
  // layer push timeout, CUDA out of memory
  [pushTimeout, 4],
  [cudaOom, 12],
  // review rejected (two distinct reasons: two groups)
  [() => '审核未通过：镜像包含违规内容', 2],
  [() => '审核未通过：README 缺少模型许可证说明', 3],
  // causes the catalog does not know
  [
    (d) =>
      `Push to registry failed: received unexpected HTTP status: 500 Internal Server Error (request ${hex(d, 8)}-${hex(d, 4)}-4${hex(d, 3)}-a${hex(d, 3)}-${hex(d, 12)})`,
    2,
  ],
  [() => 'Snapshot of system disk failed: device busy', 1],
  [moduleMissing, 2],
]

/** A reason for a failed build, drawn by weight. */
export function failureReason(d: Draw): string {
  return d.weighted(FAILURE_CAUSES)(d)
}

/** The reason of one cause: the `n`th, in the table's order (to make sure each one appears). */
export function failureReasonOf(n: number, d: Draw): string {
  return FAILURE_CAUSES[n % FAILURE_CAUSES.length]![0](d)
}
