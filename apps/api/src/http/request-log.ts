import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { AppEnv } from './env'

/**
 * One JSON line per request. Deliberately without IP address, query string, user or
 * body: the log must hold no personal data.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now()
  await next()
  const logger = c.get('logger')
  if (!logger.isLevelEnabled('info')) return
  logger.info({
    reqId: c.get('requestId'),
    method: c.req.method,
    route: routePath(c),
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  })
}
