import type { Image } from '../contract/api'
import { buildIndex, queryImages, type ListQuery } from './query'
import { makeImage } from './test-images'

/** Test helpers for the query tests. */
export const page = { offset: 0, limit: 100 }

export function names(images: readonly Image[]): (string | null)[] {
  return images.map((image) => image.Name)
}

/** Runs a query over `images` and returns the page's names. */
export function run(images: Image[], query: Partial<ListQuery>) {
  const result = queryImages(buildIndex(images), { ...page, ...query })
  return { ...result, names: names(result.items) }
}

/** Four images covering every filter, Chinese and full-width text, and a failure. */
export const catalog = [
  makeImage({
    CompShareImageId: 'img-1',
    Name: 'PyTorch 2.1 训练镜像',
    Status: 'Available',
    ImageType: 'Custom',
    Visibility: 0,
    Tags: ['LLM', '训练'],
    SourceGpuType: 'A100',
    Softwares: {
      Framework: 'PyTorch',
      FrameworkVersion: '2.1',
      CUDAVersion: '12.1',
      Applications: [],
    },
    CreateTime: 300,
  }),
  makeImage({
    CompShareImageId: 'img-2',
    Name: 'ComfyUI 工作流',
    Status: 'Making',
    ImageType: 'App',
    Visibility: 1,
    Tags: ['SD'],
    SourceGpuType: 'RTX 4090',
    Softwares: {
      Framework: 'ComfyUI',
      FrameworkVersion: null,
      CUDAVersion: '12.4',
      Applications: [],
    },
    Author: 'Ａｌｉｃｅ',
    CreateTime: 100,
  }),
  makeImage({
    CompShareImageId: 'img-3',
    Name: 'vLLM server',
    Status: 'UnAvailable',
    ImageType: 'Custom',
    Visibility: 0,
    Tags: ['LLM'],
    SourceGpuType: 'H100',
    Softwares: {
      Framework: 'vLLM',
      FrameworkVersion: null,
      CUDAVersion: '12.10',
      Applications: [],
    },
    FailedReason: '磁盘空间不足 (disk full)',
    Description: 'OpenAI-compatible inference',
    CreateTime: 200,
  }),
  makeImage({ CompShareImageId: 'img-4', Name: 'Bare', Status: 'Available', FailedReason: '  ' }),
]
