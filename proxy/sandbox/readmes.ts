import type { SandboxImage } from './image-types'
import { hashString } from './prng'
import { snippetFor } from './readme-snippets'

const CJK = /[\u4e00-\u9fff]/
const ASSETS = 'https://compshare-docs.cn-wlcb.ufileos.com/readme'

/**
 * A generated image's Readme: markdown with headings, a GFM table, fenced bash and python,
 * links, an image and lists, in the image's language. Built on demand (single-image answers
 * only), so large lists hold no readme text.
 */
export function buildReadme(image: SandboxImage): string {
  const zh = CJK.test(image.Name)
  const sw = image.Softwares
  const snippet = snippetFor(sw.Framework)
  const shot = `${ASSETS}/${hashString(image.CompShareImageId) % 12}.png`
  const apps = sw.Applications.join(zh ? '、' : ', ') || '—'
  const t = zh ? ZH : EN
  return [
    `# ${image.Name}`,
    '',
    `> ${image.Description}`,
    '',
    `![${t.screenshot}](${shot})`,
    '',
    `## ${t.env}`,
    '',
    `| ${t.item} | ${t.version} |`,
    '| --- | --- |',
    `| ${sw.Framework} | ${sw.FrameworkVersion} |`,
    `| CUDA | ${sw.CUDAVersion} |`,
    `| ${t.gpu} | ${image.SourceGpuType} |`,
    `| ${t.apps} | ${apps} |`,
    '',
    `## ${t.start}`,
    '',
    `1. ${t.step1}`,
    `2. ${t.step2}`,
    '',
    '```bash',
    'nvidia-smi',
    snippet.start,
    '```',
    '',
    `3. ${t.step3.replace('{port}', String(snippet.port))}`,
    '',
    '```python',
    snippet.python,
    '```',
    '',
    `## ${t.notes}`,
    '',
    ...t.tips.map((tip) => `- ${tip}`),
    `- ${t.docs}: [${sw.Framework}](${snippet.docs})`,
    '',
    `## ${t.changelog}`,
    '',
    `- **${image.VersionName}**: ${image.VersionDesc}`,
    '',
  ].join('\n')
}

const ZH = {
  screenshot: '运行截图',
  env: '环境信息',
  item: '组件',
  version: '版本',
  gpu: '制作机型',
  apps: '预装应用',
  start: '快速开始',
  step1: '使用本镜像创建实例，等待状态变为「运行中」。',
  step2: '通过 JupyterLab 终端或 SSH 登录后执行：',
  step3: '在控制台开放 `{port}` 端口，然后可以用 Python 调用：',
  notes: '注意事项',
  tips: [
    '数据请保存在 `/root/data` 数据盘，系统盘重置后会丢失。',
    '首次启动需要加载模型，约 1–3 分钟。',
  ],
  docs: '官方文档',
  changelog: '更新日志',
}

const EN = {
  screenshot: 'Screenshot',
  env: 'Environment',
  item: 'Component',
  version: 'Version',
  gpu: 'Built on',
  apps: 'Preinstalled apps',
  start: 'Quick start',
  step1: 'Create an instance from this image and wait until it is Running.',
  step2: 'Open a JupyterLab terminal or SSH in and run:',
  step3: 'Expose port `{port}` in the console, then call it from Python:',
  notes: 'Notes',
  tips: [
    'Keep data under `/root/data`: the system disk is reset on reinstall.',
    'The first boot loads the model weights (1–3 minutes).',
  ],
  docs: 'Docs',
  changelog: 'Changelog',
}
