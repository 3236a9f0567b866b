/** Real-looking FailedReasons, for the normaliser's and the catalog's tests. */

export const traceback = (path: string, line: number, tried: string, free: string): string =>
  [
    'Traceback (most recent call last):',
    `  File "${path}/train.py", line ${line}, in <module>`,
    '    model.to("cuda")',
    `  File "/usr/local/lib/python3.10/site-packages/torch/nn/modules/module.py", line ${line * 20 + 5}, in to`,
    '    return self._apply(convert)',
    '           ^^^^^^^^^^^^^^^^^^^^',
    `torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate ${tried} (GPU 0; 23.65 GiB total capacity; ${free} free)`,
  ].join('\n')

export const missingModule = (module: string, frames: number): string =>
  [
    'Traceback (most recent call last):',
    ...Array.from({ length: frames }, (_, i) => [
      `  File "/root/app/step_${i}.py", line ${10 + i}, in run`,
      `    import_step(${i})`,
    ]).flat(),
    `ModuleNotFoundError: No module named '${module}'`,
  ].join('\n')

export const dockerPushTimeout = (digest: string, layers: number): string =>
  [
    'The push refers to repository [uhub.service.ucloud.cn/compshare/imagegroup-7f3k29qx]',
    ...Array.from(
      { length: layers },
      (_, i) =>
        `${digest.slice(i, i + 12)}: Pushing [=====>      ] ${120 + i * 7}.4MB/${900 + i}MB`,
    ),
    `error pushing layer sha256:${digest}: net/http: TLS handshake timeout`,
  ].join('\n')

export const REASONS = {
  diskFullEn: 'No space left on device while committing layer',
  diskFullEn2:
    'write /var/lib/docker/overlay2/4f9ac21b77e0/diff/root/.cache/huggingface/model-00003.safetensors: no space left on device',
  diskFullZh: '系统盘空间不足，镜像制作失败，请清理数据盘后重试',
  sizeZh150: '镜像大小超过上限 150GB',
  sizeZh200: '镜像大小超过上限 200 GB',
  sizeEn: 'Image size 163840 MB exceeds the maximum image size of 153600 MB',
  stoppedZh: '实例在镜像制作过程中被关机，制作中断',
  stoppedEn: 'Instance stopped during image creation',
  cudaDriver: 'CUDA driver version is insufficient for CUDA runtime version',
  cudaDriverZh: 'CUDA 版本与驱动不匹配：镜像 CUDA 12.4，驱动 535.104.05 最高支持 CUDA 12.2',
  nvidiaSmi:
    "nvidia-smi: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.",
  reviewZhContent: '审核未通过：镜像包含违规内容',
  reviewZhLicence: '审核未通过：README 缺少模型许可证说明',
  reviewEn: 'Review rejected: the description links to an external paid service',
  push500: 'Push to registry failed: received unexpected HTTP status: 500 Internal Server Error',
  push502: 'Push to registry failed: received unexpected HTTP status: 502 Bad Gateway',
  snapshotBusy: 'Snapshot of system disk failed: device busy',
  buildTimeoutZh: '镜像制作超时（超过 120 分钟），请减小镜像体积后重试',
} as const
