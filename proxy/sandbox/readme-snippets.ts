/** Per-framework bits of a generated readme: where its docs live and how to start it. */
export interface Snippet {
  docs: string
  start: string
  port: number
  python: string
}

const TORCH_CHECK = `import torch

print(torch.__version__, torch.version.cuda)
print(torch.cuda.is_available(), torch.cuda.get_device_name(0))`

const OPENAI_CLIENT = `from openai import OpenAI

client = OpenAI(base_url="http://127.0.0.1:8000/v1", api_key="EMPTY")
reply = client.chat.completions.create(
    model="default",
    messages=[{"role": "user", "content": "你好，介绍一下你自己"}],
)
print(reply.choices[0].message.content)`

const COMFY_QUEUE = `import json
import urllib.request

workflow = json.load(open("/root/workflows/text2img.json"))
req = urllib.request.Request(
    "http://127.0.0.1:8188/prompt",
    data=json.dumps({"prompt": workflow}).encode(),
    headers={"Content-Type": "application/json"},
)
print(urllib.request.urlopen(req).read().decode())`

const SNIPPETS: Record<string, Snippet> = {
  PyTorch: {
    docs: 'https://pytorch.org/docs/stable/',
    start: 'jupyter lab --ip 0.0.0.0 --port 8888',
    port: 8888,
    python: TORCH_CHECK,
  },
  TensorFlow: {
    docs: 'https://www.tensorflow.org/api_docs',
    start: 'jupyter lab --ip 0.0.0.0 --port 8888',
    port: 8888,
    python: 'import tensorflow as tf\n\nprint(tf.config.list_physical_devices("GPU"))',
  },
  vLLM: {
    docs: 'https://docs.vllm.ai/',
    start: 'bash /root/start_vllm.sh  # 监听 8000 端口',
    port: 8000,
    python: OPENAI_CLIENT,
  },
  ComfyUI: {
    docs: 'https://github.com/comfyanonymous/ComfyUI',
    start: 'cd /root/ComfyUI && python main.py --listen 0.0.0.0 --port 8188',
    port: 8188,
    python: COMFY_QUEUE,
  },
  'Stable Diffusion WebUI': {
    docs: 'https://github.com/AUTOMATIC1111/stable-diffusion-webui',
    start: 'cd /root/stable-diffusion-webui && ./webui.sh --listen --port 7860 --api',
    port: 7860,
    python:
      'import requests\n\nr = requests.post("http://127.0.0.1:7860/sdapi/v1/txt2img", json={"prompt": "a cat"})\nprint(r.status_code)',
  },
  Ollama: {
    docs: 'https://github.com/ollama/ollama',
    start: 'ollama serve & ollama run qwen2.5:7b',
    port: 11434,
    python: OPENAI_CLIENT.replace('8000', '11434'),
  },
  JAX: {
    docs: 'https://docs.jax.dev/',
    start: 'jupyter lab --ip 0.0.0.0 --port 8888',
    port: 8888,
    python: 'import jax\n\nprint(jax.devices())',
  },
  PaddlePaddle: {
    docs: 'https://www.paddlepaddle.org.cn/documentation/docs/zh/guides/index_cn.html',
    start: 'python /root/ocr_server.py --port 7860',
    port: 7860,
    python: 'import paddle\n\npaddle.utils.run_check()',
  },
  'llama.cpp': {
    docs: 'https://github.com/ggml-org/llama.cpp',
    start: './llama-server -m /root/models/model-q4_k_m.gguf --host 0.0.0.0 --port 8080 -ngl 99',
    port: 8080,
    python: OPENAI_CLIENT.replace('8000', '8080'),
  },
}

export function snippetFor(framework: string): Snippet {
  return SNIPPETS[framework] ?? SNIPPETS.PyTorch!
}
