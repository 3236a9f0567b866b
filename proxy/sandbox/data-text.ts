/** Free text for generated images: version notes, descriptions, account names (failure reasons: data-failures.ts). */

/** A version note; `{fw}` and `{v}` name the framework and its version. */
export const VERSION_DESCS = {
  zh: {
    first: ['初始版本', '首次发布', '基础环境搭建完成'],
    next: [
      '升级 {fw} 至 {v}，修复依赖冲突',
      '预装常用插件，优化首次启动速度',
      '更新模型权重，降低显存占用',
      '修复 JupyterLab 无法访问的问题',
      '切换 CUDA 版本并重新编译算子',
      '新增 API 服务，支持开机自启动',
    ],
  },
  en: {
    first: ['Initial release', 'First public version', 'Base environment'],
    next: [
      'Bump {fw} to {v}; fix dependency conflicts',
      'Preinstall common extensions; faster first boot',
      'Refresh model weights; lower VRAM use',
      'Fix JupyterLab not reachable after reboot',
      'Rebuild kernels for the new CUDA line',
      'Add an API service that starts on boot',
    ],
  },
} as const

/** `{fw} {v} {cuda} {apps} {m}` are filled in by the generator. */
export const DESCRIPTIONS = {
  zh: [
    '基于 {fw} {v} 与 CUDA {cuda} 构建，预装 {apps}，开机即可使用 {m}。',
    '{m} 开箱即用环境：{fw} {v}，已下载模型权重，启动后访问 {apps}。',
    '团队内部使用的 {fw} 环境（CUDA {cuda}），包含常用数据处理工具。',
    '{fw} {v} 基础镜像，已配置国内 pip/conda 源，预装 {apps}。',
    '适用于 {m} 的推理与微调，建议显存 24GB 以上。',
  ],
  en: [
    'Built on {fw} {v} with CUDA {cuda}; {apps} preinstalled. Serves {m} out of the box.',
    'Ready-to-run {m}: {fw} {v}, weights downloaded, open {apps} after boot.',
    "Our team's {fw} workspace (CUDA {cuda}) with the usual data tooling.",
    '{fw} {v} base image with mirrors configured and {apps} preinstalled.',
    'Inference and fine-tuning for {m}; 24 GB of VRAM or more recommended.',
  ],
} as const

/** Extra tags beyond the stack's own. */
export const EXTRA_TAGS: readonly string[] = [
  'LLM',
  '文生图',
  'Stable Diffusion',
  '推理',
  '训练',
  'Jupyter',
  '多模态',
  '语音',
  '视频生成',
  'RAG',
  '一键部署',
  '教程',
  'Agent',
]

/** The demo account's nickname (`Owner.AccountName`, and so every image's `Author`). */
export const ACCOUNT_NAMES: readonly string[] = [
  '星河智能科技',
  'Aurora AI Lab',
  '北辰视觉',
  'Pinecone Robotics',
  '青橙数据',
]

/** Optional decorations users put in front of names. */
export const NAME_PREFIXES = {
  zh: ['', '', '', '', '【一键部署】', '【教程】', '(内部) '],
  en: ['', '', '', '', '[Demo] ', '[WIP] ', '(internal) '],
} as const
