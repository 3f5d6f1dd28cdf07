import { isIPv4, isIPv6 } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from '../http/env'

/**
 * The caller's address, for per-IP rate limits only (never logged or stored as such).
 * Behind a trusted proxy, the right-most X-Forwarded-For entry is the one the proxy saw.
 */
export function clientIp(c: Context<AppEnv>): string {
  if (c.var.settings.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')
    const last = forwarded?.split(',').at(-1)?.trim()
    if (last) return last
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // in-process requests (tests) have no socket
  }
}

/**
 * The client as a rate limit should see it: an IPv4 address, or the /64 network of an IPv6
 * address, because one home or server gets a whole /64 and could otherwise take a fresh
 * address for every try.
 */
export function clientNetwork(c: Context<AppEnv>): string {
  return networkOf(clientIp(c))
}

export function networkOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (isIPv4(address) || !isIPv6(address)) return address
  const withoutZone = address.split('%')[0] ?? address
  const [head = '', tail = ''] = withoutZone.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = withoutZone.includes('::') && tail ? tail.split(':') : []
  const missing = 8 - headGroups.length - tailGroups.length
  const groups = withoutZone.includes('::') ? [...headGroups, ...Array(missing).fill('0'), ...tailGroups] : headGroups
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`
}
