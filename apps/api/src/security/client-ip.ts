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
