/** The proxy's own ceiling on upstream calls, so a refresh storm cannot spend the account's quota. */

/**
 * Token bucket: `rate` tokens a second up to `burst`. A caller reserves a token at once (the
 * balance may go negative) and waits its turn, so waiters are served in arrival order.
 */
export function createTokenBucket(rate: number, burst: number, now: () => number) {
  let tokens = burst
  let last = now()
  const refill = () => {
    const t = now()
    tokens = Math.min(burst, tokens + ((t - last) * rate) / 1000)
    last = t
  }
  return {
    /** Takes a token; returns how many ms the caller must wait before using it. */
    reserve(): number {
      refill()
      tokens -= 1
      return tokens >= 0 ? 0 : (-tokens / rate) * 1000
    },
    refund(): void {
      refill()
      tokens = Math.min(burst, tokens + 1)
    },
  }
}
