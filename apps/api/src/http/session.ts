import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from './env'
import { isHttps } from './security'
import { extendSession, findSession, sessionLifetime } from './session.data'

// Sliding sessions are written back at most once an hour, not on every request.
const TOUCH_INTERVAL_MS = 3_600_000

function secure(c: Context<AppEnv>): boolean {
  return isHttps(c.var.settings, c.req.header('x-forwarded-proto'))
}

/** `__Host-` over HTTPS: the browser then insists on Secure, Path=/ and no Domain. */
export function sessionCookieName(https: boolean): string {
  return https ? '__Host-meedenken_session' : 'meedenken_session'
}

export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeMs: number): void {
  const https = secure(c)
  setCookie(c, sessionCookieName(https), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: https,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const https = secure(c)
  deleteCookie(c, sessionCookieName(https), {
    path: '/',
    secure: https,
    httpOnly: true,
    sameSite: 'Lax',
  })
}

export function sessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(secure(c)))
}

/** Resolves the session cookie to the signed-in user, or null. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('user', null)
  const token = sessionToken(c)
  if (token) {
    const now = c.var.clock.now()
    const row = findSession(c.var.db, token, now)
    if (!row) {
      clearSessionCookie(c)
    } else {
      const lifetime = sessionLifetime(row.role)
      if (lifetime.sliding && now - row.lastSeenAt > TOUCH_INTERVAL_MS) {
        extendSession(c.var.db, row.sessionId, now, lifetime.ms)
        setSessionCookie(c, token, lifetime.ms)
      }
      c.set('user', {
        id: row.userId,
        role: row.role,
        displayName: row.displayName,
        targetGroup: row.targetGroup,
        districtId: row.districtId,
        locale: row.locale,
        sessionId: row.sessionId,
      })
    }
  }
  await next()
}
