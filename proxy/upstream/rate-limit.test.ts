import { describe, expect, it } from 'vitest'
import { createTokenBucket } from './rate-limit'

describe('createTokenBucket', () => {
  it('lets a burst through at once, then spaces calls at the rate, in arrival order', () => {
    let t = 0
    const bucket = createTokenBucket(10, 2, () => t)
    expect([bucket.reserve(), bucket.reserve()]).toEqual([0, 0])
    expect(bucket.reserve()).toBe(100)
    expect(bucket.reserve()).toBe(200)
    t = 1000
    expect(bucket.reserve()).toBe(0)
  })

  it('gives a refunded token back, never above the burst', () => {
    let t = 0
    const bucket = createTokenBucket(1, 1, () => t)
    expect(bucket.reserve()).toBe(0)
    bucket.refund()
    expect(bucket.reserve()).toBe(0)
    bucket.refund()
    bucket.refund()
    t = 10_000
    expect(bucket.reserve()).toBe(0)
    expect(bucket.reserve()).toBe(1000)
  })
})
