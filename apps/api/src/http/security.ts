import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { Settings } from '../settings'
import type { AppEnv } from './env'
import { ApiError, MESSAGES } from './errors'

export const MAX_BODY_BYTES = 64 * 1024

/** The exact policy every response carries; the SPA has no inline script or style. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export function isHttps(settings: Settings, forwardedProto: string | undefined): boolean {
  if (settings.publicUrl?.startsWith('https://')) return true
  return settings.trustProxy && forwardedProto === 'https'
}

export function securityHeaders(settings: Settings): MiddlewareHandler<AppEnv> {
  const base = secureHeaders({
    contentSecurityPolicy: {},
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  })
  return async (c, next) => {
    await base(c, next)
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    // Browsers ignore HSTS over plain HTTP; sending it there would only confuse audits.
    if (isHttps(settings, c.req.header('x-forwarded-proto'))) {
      c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    }
  }
}

const checkBodySize: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload_too_large', MESSAGES.tooLarge)
  },
})

/**
 * Refuses bodies over MAX_BODY_BYTES. A request without Content-Length and without
 * Transfer-Encoding has no body (RFC 9112, 6.3), so it skips the check: looking at the
 * body would make the Node adapter build a stream for nothing (GETs, votes, deletes).
 */
export const limitBodySize: MiddlewareHandler<AppEnv> = (c, next) => {
  const length = c.req.header('content-length')
  const noBody = c.req.header('transfer-encoding') === undefined && (length === undefined || length === '0')
  return noBody ? next() : checkBodySize(c, next)
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const ORIGIN_MISMATCH = {
  nl: 'Dit verzoek komt van een andere website en is daarom geweigerd.',
  en: 'This request comes from another website and was refused.',
}

/**
 * Cross-site request forgery guard for writes. Browsers send `Origin` on every write;
 * it must be this site. Requests without it (curl, server-to-server) carry no cookies
 * a forger could borrow, so they pass on to the normal authentication.
 */
export function checkOrigin(settings: Settings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNSAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin')
      const fetchSite = c.req.header('sec-fetch-site')
      if (fetchSite === 'cross-site') throw new ApiError('origin_mismatch', ORIGIN_MISMATCH)
      if (origin !== undefined) {
        const host = c.req.header('host')
        const allowed = new Set<string>()
        if (settings.publicUrl) allowed.add(new URL(settings.publicUrl).origin)
        if (host) {
          allowed.add(`http://${host}`)
          allowed.add(`https://${host}`)
        }
        if (!allowed.has(origin)) throw new ApiError('origin_mismatch', ORIGIN_MISMATCH)
      }
    }
    await next()
  }
}
