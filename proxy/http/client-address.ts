import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { BlockList, isIP } from 'node:net'

/** The client each request was resolved to, set once by `resolveClient` for every later use. */
const clients = new WeakMap<Request, string>()

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) → `10.0.0.1`; brackets dropped. */
export function normalizeAddress(address: string): string {
  const bare = address.trim().replace(/^\[|\]$/g, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  return (mapped ? mapped[1]! : bare).toLowerCase()
}

/** A matcher over design.md §3's IMAGEDECK_TRUST_PROXY entries (addresses and CIDRs). */
export function trustList(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/')
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(normalizeAddress(address), family)
    else list.addSubnet(normalizeAddress(address), Number(prefix), family)
  }
  return (address) => {
    const bare = normalizeAddress(address)
    const family = isIP(bare)
    return family !== 0 && list.check(bare, family === 6 ? 'ipv6' : 'ipv4')
  }
}

/**
 * design.md §3: when the socket peer is a trusted proxy, the client is the right-most
 * `X-Forwarded-For` entry that is not one (entries left of it are the client's own claims and can
 * be forged); with every entry trusted, the left-most. Otherwise the header is ignored.
 */
export function resolveAddress(
  peer: string,
  forwardedFor: string | undefined,
  trusted: (address: string) => boolean,
): string {
  const socket = normalizeAddress(peer)
  if (!forwardedFor || !trusted(socket)) return socket
  const hops = forwardedFor
    .split(',')
    .map((hop) => normalizeAddress(hop))
    .filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!
    // A hop that is not an address (a proxy's "unknown", garbage) cannot be trusted or keyed on.
    if (isIP(hop) === 0) return socket
    if (!trusted(hop)) return hop
  }
  return hops[0] ?? socket
}

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // app.request() in tests has no socket.
    return 'local'
  }
}

/** Resolves the client once per request (first middleware), for limits, throttling and logs. */
export function resolveClient(trustProxy: readonly string[]): MiddlewareHandler {
  const trusted = trustList(trustProxy)
  return async (c, next) => {
    const peer = peerAddress(c)
    const client =
      trustProxy.length === 0
        ? peer
        : resolveAddress(peer, c.req.header('x-forwarded-for'), trusted)
    clients.set(c.req.raw, client)
    await next()
  }
}

/** The client `resolveClient` found for this request (the socket address if it did not run). */
export function clientOf(c: Context): string {
  return clients.get(c.req.raw) ?? peerAddress(c)
}
