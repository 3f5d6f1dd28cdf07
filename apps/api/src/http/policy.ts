import { type Policy, ROLE_RANK } from '@meedenken/shared'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv, CurrentUser } from './env'
import { ApiError } from './errors'

export const POLICY = Symbol('policy')

export type PolicyMiddleware = MiddlewareHandler<AppEnv> & { [POLICY]: Policy }

const NOT_SIGNED_IN = {
  nl: 'Log in om dit te doen.',
  en: 'Please log in to do this.',
}
const FORBIDDEN = {
  nl: 'U hebt geen toestemming om dit te doen.',
  en: 'You do not have permission to do this.',
}

/**
 * Declares who may call a route and enforces it before anything else runs, so a
 * visitor's write is refused whatever its body. Tagged so a test can find routes without one.
 */
export function requirePolicy(policy: Policy): PolicyMiddleware {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (policy !== 'public') {
      const user = c.get('user')
      if (!user) throw new ApiError('not_signed_in', NOT_SIGNED_IN)
      if (ROLE_RANK[user.role] < ROLE_RANK[policy]) throw new ApiError('forbidden', FORBIDDEN)
    }
    await next()
  }
  return Object.assign(middleware, { [POLICY]: policy })
}

export function isPolicyMiddleware(handler: unknown): handler is PolicyMiddleware {
  return typeof handler === 'function' && POLICY in handler
}

/** The signed-in user in a handler whose policy already guaranteed one. */
export function signedIn(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user')
  if (!user) throw new ApiError('not_signed_in', NOT_SIGNED_IN)
  return user
}
