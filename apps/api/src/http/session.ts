import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'

/** Resolves the session cookie to the signed-in user (sessions arrive with accounts). */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('user', null)
  await next()
}
