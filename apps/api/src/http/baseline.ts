import type { ServerResponse } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Settings } from '../settings'
import type { AppEnv, Deps } from './env'
import { ApiError } from './errors'
import { contentSecurityPolicy, hostCheck, isHttps, MISDIRECTED } from './security'

/**
 * The headers every answer carries (pages, files, API, errors). The SPA has no inline
 * script or style, so the CSP needs no nonce: the list is the same for every request.
 */
export function protectiveHeaders(settings: Settings): readonly (readonly [string, string])[] {
  return [['Content-Security-Policy', contentSecurityPolicy(settings.map.tileUrl)], ...OTHER_PROTECTIVE_HEADERS]
}

const OTHER_PROTECTIVE_HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
]

const HSTS = 'max-age=31536000; includeSubDomains'
/** An id the caller sent (the server-rendered page's own API calls pass theirs on), if it is plain. */
const PLAIN_ID = /^[\w=-]{1,64}$/

/** What @hono/node-server passes as `c.env`: the Node request and response. */
type NodeBindings = { outgoing?: ServerResponse } | undefined

/**
 * What every request gets, in one middleware: its id, the dependencies, the protective
 * headers, the Host check (DNS rebinding), and one log line without personal data.
 *
 * Headers are set before the handler runs, never on the finished response: changing a
 * response's headers afterwards makes the Node adapter build a full `Response` with a body
 * stream for every request, which cost about 150 µs a request here (decision 017). On the
 * Node server they go straight onto Node's response, which merges them with the handler's
 * own headers (those win); in-process requests (tests, the server-rendered page's data)
 * get them through Hono.
 */
export function baseline(deps: Deps): MiddlewareHandler<AppEnv> {
  const { db, settings, logger, clock, live } = deps
  const alwaysHttps = isHttps(settings, undefined)
  const hostAllowed = hostCheck(settings)
  const headers = protectiveHeaders(settings)
  const log = (requestId: string, method: string, route: string, status: number, started: number) => {
    if (!logger.isLevelEnabled('info')) return
    logger.info({ reqId: requestId, method, route, status, ms: Math.round((performance.now() - started) * 10) / 10 })
  }
  return async (c, next) => {
    const started = performance.now()
    const sent = c.req.header('x-request-id')
    const requestId = sent !== undefined && PLAIN_ID.test(sent) ? sent : crypto.randomUUID()
    c.set('requestId', requestId)
    c.set('db', db)
    c.set('settings', settings)
    c.set('logger', logger)
    c.set('clock', clock)
    c.set('live', live)
    // Browsers ignore HSTS over plain HTTP; sending it there would only confuse audits.
    const https = alwaysHttps || isHttps(settings, c.req.header('x-forwarded-proto'))
    const outgoing = (c.env as NodeBindings)?.outgoing
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value)
      outgoing.setHeader('X-Request-Id', requestId)
      if (https) outgoing.setHeader('Strict-Transport-Security', HSTS)
    } else {
      for (const [name, value] of headers) c.header(name, value)
      c.header('X-Request-Id', requestId)
      if (https) c.header('Strict-Transport-Security', HSTS)
    }
    if (!hostAllowed(c.req.header('host'), c.req.path)) {
      log(requestId, c.req.method, c.req.path, 421, started)
      throw new ApiError('misdirected_request', MISDIRECTED)
    }
    await next()
    log(requestId, c.req.method, routePath(c), c.res.status, started)
  }
}
