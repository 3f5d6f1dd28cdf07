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

/**
 * Marks the answer as depending on the session: no cache, shared or the browser's own, may
 * keep it, and a cache that sees it must tell answers apart by Cookie. Called before the
 * handler makes its answer (headers set on a finished answer cost ~150 µs here, see
 * /work/shared/TOOLCHAIN.md), for every request with a signed-in person and for every answer
 * that sets or clears the session cookie. A visitor's public answers keep their own headers.
 */
export function markPersonal(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'private, no-store')
  c.header('Vary', 'Cookie')
}

/** For routes whose every answer is about the person asking or their account (`/api/me`, `/api/auth`). */
export const personalAnswers: MiddlewareHandler<AppEnv> = (c, next) => {
  markPersonal(c)
  return next()
}

/** `__Host-` over HTTPS: the browser then insists on Secure, Path=/ and no Domain. */
export function sessionCookieName(https: boolean): string {
  return https ? '__Host-meedenken_session' : 'meedenken_session'
}

export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeMs: number): void {
  markPersonal(c)
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
  markPersonal(c)
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

/** Resolves the session cookie to the signed-in user, or null; a signed-in person's answers are personal. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('user', null)
  const token = sessionToken(c)
  if (token) {
    const now = c.var.clock.now()
    const row = await findSession(c.var.db, token, now)
    if (!row) {
      clearSessionCookie(c)
    } else {
      const lifetime = sessionLifetime(row.role)
      if (lifetime.sliding && now - row.lastSeenAt > TOUCH_INTERVAL_MS) {
        await extendSession(c.var.db, row.sessionId, now, lifetime.ms)
        setSessionCookie(c, token, lifetime.ms)
      }
      markPersonal(c)
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
