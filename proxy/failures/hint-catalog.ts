/**
 * Remediation hints for known causes of a failed build, as data (design.md §4; style.md
 * convention 16). An entry matches when one of its patterns is found in the reason; the first
 * entry that matches wins, so a narrower cause comes before a broader one that shares words
 * (CUDA out of memory before the CUDA driver mismatch). A reason no entry matches gets no hint:
 * a missing hint is better than a wrong one, so the patterns name the cause, not a symptom.
 */

/** A cause of failure and what to do about it. `docs` only where a page on the subject exists. */
export interface HintEntry {
  readonly id: string
  readonly patterns: readonly RegExp[]
  readonly zh: string
  readonly en: string
  readonly docs?: string
}

export const HINT_CATALOG = [
  {
    id: 'size-limit',
    patterns: [
      /镜像(?:大小|体积)超(?:过|出)(?:上限|限制)/,
      /image size (?:exceeds|is over|over) (?:the )?(?:limit|maximum)/i,
      /exceeds the maximum image size/i,
    ],
    zh: '镜像超过大小上限：删除模型缓存、pip/conda 缓存和数据集（conda clean -a、pip cache purge），把大文件放到数据盘或网盘，再重新制作。',
    en: 'The image is over the size limit: delete model, pip and conda caches and datasets (conda clean -a, pip cache purge), keep large files on the data disk or network storage, then build again.',
  },
  {
    id: 'disk-full',
    patterns: [/no space left on device/i, /系统盘(?:空间)?(?:不足|已满)/, /disk (?:is )?full/i],
    zh: '系统盘已满：清理系统盘（缓存、日志、下载的模型），把数据移到数据盘后重试；df -h 可查看占用。',
    en: 'The system disk is full: clear caches, logs and downloaded models from the system disk and move data to the data disk, then retry; df -h shows what is using it.',
  },
  {
    id: 'instance-stopped',
    patterns: [
      /实例[^\n，。]{0,40}?在镜像制作(?:过程)?中被(?:关机|停止|释放)/,
      /instance\b[^\n.]{0,60}?\b(?:was )?(?:stopped|shut down|powered off|released) during (?:the )?(?:image )?(?:build|creation)/i,
    ],
    zh: '制作期间实例被关机或释放：重新制作，并在镜像状态变为“可用”之前保持实例开机。',
    en: 'The instance was stopped or released during the build: build again and keep the instance running until the image is Available.',
  },
  {
    id: 'cuda-oom',
    patterns: [/CUDA out of memory/i, /OutOfMemoryError/, /CUDA_ERROR_OUT_OF_MEMORY/, /显存不足/],
    zh: 'GPU 显存不足：减小批大小或模型精度（fp16/int8），或换用显存更大的机型；制作镜像时不要在开机脚本里加载模型。',
    en: 'The GPU ran out of memory: lower the batch size or precision (fp16/int8), or use a GPU with more memory; do not load models in a start-up script while building the image.',
    docs: 'https://pytorch.org/docs/stable/notes/cuda.html',
  },
  {
    id: 'nvidia-smi',
    patterns: [
      /NVIDIA-SMI has failed/i,
      /nvidia-smi[^\n]*(?:failed|not found|couldn't communicate)/i,
      /nvidia-smi[^\n]*(?:失败|无法)/,
    ],
    zh: 'nvidia-smi 无法连接驱动：不要在镜像里自行安装或升级 NVIDIA 驱动（用平台驱动），删除 /usr/lib 下残留的驱动库后重启实例再制作。',
    en: 'nvidia-smi cannot reach the driver: do not install or upgrade the NVIDIA driver inside the image (the platform provides it); remove stray driver libraries, restart the instance and build again.',
  },
  {
    id: 'cuda-driver',
    patterns: [
      /CUDA driver version is insufficient/i,
      /forward compatibility was attempted on non supported HW/i,
      /NVIDIA driver on your system is too old/i,
      /CUDA (?:版本|驱动)[^\n]*不匹配/,
      /驱动版本过低/,
    ],
    zh: 'CUDA 与驱动不匹配：镜像里的 CUDA 运行时比机型驱动新。选择与驱动匹配的 CUDA 版本（nvidia-smi 右上角显示驱动支持的最高版本），或换用较新驱动的机型。',
    en: "CUDA and the driver do not match: the image's CUDA runtime is newer than the GPU driver. Use a CUDA version the driver supports (nvidia-smi shows the highest), or a GPU type with a newer driver.",
    docs: 'https://docs.nvidia.com/deploy/cuda-compatibility/',
  },
  {
    id: 'push-timeout',
    patterns: [
      /(?:push|upload)[^\n]*(?:timed? ?out|timeout|i\/o timeout|deadline exceeded)/i,
      /(?:timed? ?out|timeout)[^\n]*(?:pushing|uploading) (?:layer|blob)/i,
      /(?:推送|上传)(?:镜像)?层[^\n]*超时/,
    ],
    zh: '推送镜像层超时：通常是层太大或网络繁忙。减小镜像体积（合并并清理大文件）后重试；多为临时问题。',
    en: 'Pushing a layer timed out: usually a very large layer or a busy network. Shrink the image (remove large files) and retry; it is often transient.',
  },
  {
    id: 'review-rejected',
    patterns: [
      /审核未通过/,
      /审核不通过/,
      /审核被驳回/,
      /review (?:was )?rejected/i,
      /rejected (?:in|by) review/i,
    ],
    zh: '审核未通过：按原因修改镜像名称、描述或 README（许可证、违规内容等），再重新提交发布。',
    en: 'Review rejected: change the name, description or README as the reason says (a missing licence, prohibited content, etc.), then submit again.',
  },
] as const satisfies readonly HintEntry[]

export type HintId = (typeof HINT_CATALOG)[number]['id']
