import type { Image } from '../contract/api'
import { mulberry32 } from '../sandbox/prng'

/** A fully-null image with the given fields set: the shape the tolerant decoder produces. */
export function makeImage(fields: Partial<Image> = {}): Image {
  return {
    CompShareImageId: null,
    Name: null,
    Author: null,
    AuthInfo: null,
    ImageOwnerAlias: null,
    ImageType: null,
    IsOfficial: null,
    Container: null,
    Status: null,
    Size: null,
    Visibility: null,
    Description: null,
    Tags: null,
    Price: null,
    Cover: null,
    Softwares: null,
    CreatedCount: null,
    FavoritesCount: null,
    FailedReason: null,
    CreateTime: null,
    PubTime: null,
    Owner: null,
    GroupId: null,
    VersionName: null,
    VersionDesc: null,
    SourceGpuType: null,
    AutoStart: null,
    ImageCharge: null,
    ImageUseTime: null,
    ...fields,
  }
}

/** `count` images with ids `img-0`, `img-1`, … */
export function numberedImages(count: number, prefix = 'img'): Image[] {
  return Array.from({ length: count }, (_, i) =>
    makeImage({ CompShareImageId: `${prefix}-${i}`, Name: `Image ${i}` }),
  )
}

/** The project's one seeded PRNG (sandbox/prng.ts), so randomized tests reproduce. */
export const seededRandom = mulberry32

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!

const NAME_WORDS = [
  'PyTorch',
  '深度学习',
  'ComfyUI',
  'vLLM',
  '镜像',
  'Stable Diffusion',
  'Llama',
  '训练',
  'ＧＰＵ',
  'Qwen',
]
const STATUSES = ['Making', 'Available', 'UnAvailable', 'Reviewing', 'Offline']
const TYPES = ['System', 'App', 'Custom', 'Community']
const GPUS = ['RTX 4090', 'A100', 'H100', 'RTX 3090', 'L40S']
const FRAMEWORKS = ['PyTorch', 'TensorFlow', 'vLLM', 'ComfyUI', 'JAX']
const CUDAS = ['11.8', '12.1', '12.4', '12.10', '12.2']
const TAGS = ['LLM', '推理', 'training', 'SD', 'Jupyter', '中文', 'RAG', 'audio', 'vision', 'beta']
const REASONS = ['disk full', 'CUDA 版本不匹配', 'timeout', 'review rejected', '磁盘空间不足']

/** `count` varied images, about 5% of each field null, drawn from a seeded generator. */
export function randomImages(count: number, seed = 1): Image[] {
  const random = seededRandom(seed)
  const maybe = <T>(value: T): T | null => (random() < 0.05 ? null : value)
  return Array.from({ length: count }, (_, i) => {
    const tags = Array.from({ length: Math.floor(random() * 4) }, () => pick(random, TAGS))
    const status = maybe(pick(random, STATUSES))
    return makeImage({
      CompShareImageId: maybe(`cs-${(i * 7919) % 1_000_003}`),
      Name: maybe(`${pick(random, NAME_WORDS)} ${pick(random, NAME_WORDS)} ${i % 500}`),
      Author: maybe(pick(random, ['张三', 'alice', 'Bob', '李四', 'ＣＡＲＯＬ'])),
      Status: status,
      ImageType: maybe(pick(random, TYPES)),
      Visibility: maybe(random() < 0.6 ? 0 : 1),
      SourceGpuType: maybe(pick(random, GPUS)),
      Softwares: maybe({
        Framework: maybe(pick(random, FRAMEWORKS)),
        FrameworkVersion: '2.1',
        CUDAVersion: maybe(pick(random, CUDAS)),
        Applications: ['Jupyter'],
      }),
      Tags: maybe(tags),
      Description: maybe(
        `一个用于${pick(random, TAGS)}的镜像 for ${pick(random, FRAMEWORKS)} users`,
      ),
      FailedReason: status === 'UnAvailable' && random() < 0.7 ? pick(random, REASONS) : null,
      Size: maybe(Math.floor(random() * 50_000)),
      Price: maybe(Math.round(random() * 300) / 100),
      CreateTime: maybe(1_700_000_000 + Math.floor(random() * 30_000_000)),
      PubTime: maybe(1_700_000_000 + Math.floor(random() * 30_000_000)),
      CreatedCount: maybe(Math.floor(random() * 20)),
      FavoritesCount: maybe(Math.floor(random() * 20)),
      GroupId: maybe(`grp-${i % 300}`),
      VersionName: maybe(`v${1 + (i % 4)}.${i % 11}`),
      Container: i % 3 === 0 ? null : i % 3 === 1 ? 'True' : 'False',
    })
  })
}
