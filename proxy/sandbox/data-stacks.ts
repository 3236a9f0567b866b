/**
 * The software stacks and models generated images are built from. Names, versions and CUDA
 * lines are ones CompShare users actually meet; `{m}` is a model, `{v}` the framework version.
 */
export type ModelKind = 'llm' | 'image' | 'video' | 'audio' | 'ocr'

export interface Stack {
  framework: string
  versions: readonly string[]
  cuda: readonly string[]
  apps: readonly string[]
  kinds: readonly ModelKind[]
  tags: readonly string[]
  /** Name patterns per language; patterns without `{m}` name a bare environment. */
  zh: readonly string[]
  en: readonly string[]
  /** Typical image size range in MB. */
  size: readonly [number, number]
}

export const STACKS: readonly Stack[] = [
  {
    framework: 'PyTorch',
    versions: ['2.1.2', '2.3.1', '2.4.1', '2.5.1', '2.6.0', '2.7.1'],
    cuda: ['11.8', '12.1', '12.4', '12.8'],
    apps: ['JupyterLab', 'TensorBoard', 'code-server'],
    kinds: ['llm', 'image', 'audio'],
    tags: ['训练', 'PyTorch', 'Jupyter'],
    zh: ['{m} 微调环境', 'PyTorch {v} 训练环境', '{m} LoRA 训练'],
    en: ['{m} fine-tuning', 'PyTorch {v} training base', '{m} LoRA trainer'],
    size: [12_000, 60_000],
  },
  {
    framework: 'TensorFlow',
    versions: ['2.13.0', '2.15.0', '2.16.1'],
    cuda: ['11.8', '12.1'],
    apps: ['JupyterLab', 'TensorBoard'],
    kinds: ['ocr'],
    tags: ['训练', 'TensorFlow', 'Jupyter'],
    zh: ['TensorFlow {v} 开发环境', '{m} 识别服务'],
    en: ['TensorFlow {v} workbench', '{m} recognition service'],
    size: [9_000, 30_000],
  },
  {
    framework: 'vLLM',
    versions: ['0.5.4', '0.6.3', '0.7.3', '0.8.5'],
    cuda: ['12.1', '12.4', '12.8'],
    apps: ['Open WebUI', 'Gradio', 'JupyterLab'],
    kinds: ['llm'],
    tags: ['LLM', '推理', 'vLLM', 'OpenAI API'],
    zh: ['{m} vLLM 推理服务', '{m} 高并发推理', '{m} OpenAI 兼容接口'],
    en: ['{m} on vLLM', '{m} inference server', '{m} OpenAI-compatible API'],
    size: [30_000, 120_000],
  },
  {
    framework: 'ComfyUI',
    versions: ['0.2.7', '0.3.10', '0.3.27', '0.3.40'],
    cuda: ['12.1', '12.4', '12.8'],
    apps: ['ComfyUI', 'JupyterLab'],
    kinds: ['image', 'video'],
    tags: ['文生图', 'ComfyUI', 'AIGC', '工作流'],
    zh: ['{m} ComfyUI 工作流', 'ComfyUI 一键整合包', '{m} 文生图'],
    en: ['{m} ComfyUI workflows', 'ComfyUI all-in-one', '{m} text-to-image'],
    size: [25_000, 110_000],
  },
  {
    framework: 'Stable Diffusion WebUI',
    versions: ['1.8.0', '1.9.4', '1.10.1'],
    cuda: ['11.8', '12.1'],
    apps: ['Stable Diffusion WebUI', 'Gradio'],
    kinds: ['image'],
    tags: ['文生图', 'Stable Diffusion', 'AIGC'],
    zh: ['{m} WebUI 一键启动', 'SD WebUI 秋叶整合包', '{m} 绘画'],
    en: ['{m} WebUI one-click', 'SD WebUI forge bundle', '{m} image studio'],
    size: [20_000, 90_000],
  },
  {
    framework: 'Ollama',
    versions: ['0.3.14', '0.5.7', '0.6.2', '0.9.0'],
    cuda: ['12.1', '12.4'],
    apps: ['Open WebUI'],
    kinds: ['llm'],
    tags: ['LLM', '推理', 'Ollama', '对话'],
    zh: ['{m} Ollama 本地对话', '{m} 私有化部署'],
    en: ['{m} with Ollama', '{m} private chat'],
    size: [15_000, 80_000],
  },
  {
    framework: 'JAX',
    versions: ['0.4.30', '0.4.35', '0.5.0'],
    cuda: ['12.4'],
    apps: ['JupyterLab'],
    kinds: ['llm'],
    tags: ['训练', 'JAX', 'Jupyter', '科研'],
    zh: ['JAX {v} 科研环境'],
    en: ['JAX {v} research environment'],
    size: [10_000, 25_000],
  },
  {
    framework: 'PaddlePaddle',
    versions: ['2.6.1', '3.0.0'],
    cuda: ['11.8', '12.1'],
    apps: ['JupyterLab', 'Gradio'],
    kinds: ['ocr'],
    tags: ['OCR', 'PaddlePaddle', '训练'],
    zh: ['{m} 文档识别', '飞桨 {v} 开发环境'],
    en: ['{m} document OCR', 'PaddlePaddle {v} dev box'],
    size: [9_000, 28_000],
  },
  {
    framework: 'llama.cpp',
    versions: ['b3600', 'b4500', 'b5200'],
    cuda: ['12.1', '12.4', '12.8'],
    apps: ['Gradio', 'Open WebUI'],
    kinds: ['llm'],
    tags: ['LLM', '量化', '推理', 'GGUF'],
    zh: ['{m} GGUF 量化推理', '{m} llama.cpp 服务'],
    en: ['{m} GGUF quantized', '{m} llama.cpp server'],
    size: [8_000, 50_000],
  },
]

export const MODELS: Readonly<Record<ModelKind, readonly string[]>> = {
  llm: [
    'Qwen2.5-7B-Instruct',
    'Qwen2.5-72B-Instruct',
    'QwQ-32B',
    'Llama-3.1-8B-Instruct',
    'DeepSeek-R1-Distill-Qwen-14B',
    'DeepSeek-V2-Lite',
    'GLM-4-9B-Chat',
    'Yi-1.5-9B-Chat',
    'InternLM2.5-7B',
    'Mistral-7B-Instruct',
    'Baichuan2-13B',
  ],
  image: ['SDXL 1.0', 'Flux.1-dev', 'Kolors', 'Hunyuan-DiT', 'SD 1.5', 'SD 3.5 Large'],
  video: ['CogVideoX-5B', 'Stable Video Diffusion', 'HunyuanVideo', 'Wan2.1'],
  audio: ['Whisper-large-v3', 'CosyVoice2', 'GPT-SoVITS', 'Fish-Speech'],
  ocr: ['PaddleOCR', 'GOT-OCR2.0', 'TrOCR'],
}

/** GPU models the images were built on, weighted roughly by how common they are. */
export const GPU_TYPES: readonly (readonly [string, number])[] = [
  ['RTX 4090', 30],
  ['RTX 4090D', 10],
  ['RTX 3090', 14],
  ['A100', 10],
  ['A800', 5],
  ['H100', 6],
  ['H800', 4],
  ['L40S', 6],
  ['V100', 3],
  ['RTX 5090', 5],
  ['RTX 3080 Ti', 3],
]
