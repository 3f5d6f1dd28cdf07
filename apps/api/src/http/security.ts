import { PHOTO_LIMITS } from '@meedenken/shared'
import type { Context, MiddlewareHandler, Next } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Settings } from '../settings'
import type { AppEnv } from './env'
import { ApiError, MESSAGES } from './errors'

export const MAX_BODY_BYTES = 64 * 1024

/**
 * The exact policy every response carries; the SPA has no inline script or style. Images may
 * also come from the map tiles' origin (MAP_TILE_URL), and from no other: address search goes
 * through our own API, so connect-src stays 'self'. blob: images are the previews of photos
 * chosen for upload (URL.createObjectURL): only this page's own scripts can make them.
 */
export function contentSecurityPolicy(tileUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${new URL(tileUrl).origin}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The policy with the default map tiles (PDOK). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(
  'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
)

export function isHttps(settings: Settings, forwardedProto: string | undefined): boolean {
  if (settings.publicUrl?.startsWith('https://')) return true
  return settings.trustProxy && forwardedProto === 'https'
}

const checkBodySize: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload_too_large', MESSAGES.tooLarge)
  },
})

/** A photo upload (features/photos): one file of at most PHOTO_LIMITS.maxBytes, its alt text and the form's framing. */
export const MAX_PHOTO_BODY_BYTES = PHOTO_LIMITS.maxBytes + 64 * 1024
const PHOTO_UPLOAD = /^\/api\/ideas\/[^/]+\/photos\/?$/
const PHOTO_TOO_LARGE = {
  nl: `Deze foto is te groot. Een foto mag maximaal ${Math.round(PHOTO_LIMITS.maxBytes / 1024 / 1024)} MB zijn.`,
  en: `This photo is too large. A photo may be at most ${Math.round(PHOTO_LIMITS.maxBytes / 1024 / 1024)} MB.`,
}
// Counted as it streams in: a larger Content-Length is refused at once, a chunked body at the byte that passes the limit.
const checkPhotoBodySize: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_PHOTO_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload_too_large', PHOTO_TOO_LARGE)
  },
})

/**
 * A village's outline (features/places, admins only): GeoJSON of up to BOUNDARY_MAX_POSITIONS
 * points at full precision (≈ 25 bytes each) with the file's own properties, as CBS and PDOK
 * give it. The number of points is checked after parsing, with its own message.
 */
export const MAX_BOUNDARY_BODY_BYTES = 512 * 1024
const BOUNDARY_UPLOAD = /^\/api\/admin\/districts\/[^/]+\/boundary\/?$/
const BOUNDARY_TOO_LARGE = {
  nl: 'Dit bestand is te groot. Een grens mag maximaal 512 kB zijn. Vereenvoudig de grens en probeer het opnieuw.',
  en: 'This file is too large. An outline may be at most 512 kB. Simplify the outline and try again.',
}
const checkBoundaryBodySize: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_BOUNDARY_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload_too_large', BOUNDARY_TOO_LARGE)
  },
})

/** The body limit for a request: most take MAX_BODY_BYTES; a photo and an outline more. */
function bodySizeCheck(method: string, path: string): MiddlewareHandler<AppEnv> {
  if (method === 'POST' && PHOTO_UPLOAD.test(path)) return checkPhotoBodySize
  if (method === 'PUT' && BOUNDARY_UPLOAD.test(path)) return checkBoundaryBodySize
  return checkBodySize
}

/**
 * Refuses bodies over MAX_BODY_BYTES (a photo upload: MAX_PHOTO_BODY_BYTES; an outline: MAX_BOUNDARY_BODY_BYTES). A request without Content-Length and without
 * Transfer-Encoding has no body (RFC 9112, 6.3), so it skips the check: looking at the
 * body would make the Node adapter build a stream for nothing (GETs, votes, deletes).
 */
export const limitBodySize: MiddlewareHandler<AppEnv> = (c, next) => {
  const length = c.req.header('content-length')
  const noBody = c.req.header('transfer-encoding') === undefined && (length === undefined || length === '0')
  if (noBody) return next()
  return bodySizeCheck(c.req.method, c.req.path)(c, () => refuseNul(c, next))
}

const NUL_CHARACTER = {
  nl: 'Uw tekst bevat een onzichtbaar teken (NUL) dat niet bewaard kan worden. Haal het weg en probeer het opnieuw.',
  en: 'Your text contains an invisible character (NUL) that cannot be stored. Please remove it and try again.',
}
// The JSON escape of U+0000 (`\u0000`), not preceded by an escaped backslash (`\\u0000` is the text "\u0000").
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/i

/**
 * No text may hold U+0000: PostgreSQL's text cannot store it (the write would fail as a 500)
 * and no person types it. Refused for every field at once, on both engines, before anything
 * reads the body; the body text is kept, so the route's own JSON parsing does not read it again.
 */
async function refuseNul(c: Context<AppEnv>, next: Next): Promise<void> {
  if (c.req.header('content-type')?.includes('json') && JSON_NUL.test(await c.req.text())) {
    throw new ApiError('validation_failed', NUL_CHARACTER)
  }
  await next()
}

/** The same for the query string (`%00`), checked before any route reads it. */
export const refuseNulInQuery: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.url.includes('%00')) throw new ApiError('validation_failed', NUL_CHARACTER)
  await next()
}

/** Names that reach only this machine, with any port (IPv6 in brackets, as in a Host header). */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i
const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/

/** The Host values that mean PUBLIC_URL: its host as a URL gives it, and with the scheme's port written out. */
function publicHosts(publicUrl: string): Set<string> {
  const url = new URL(publicUrl)
  const hosts = new Set([url.host.toLowerCase()])
  if (url.port === '') hosts.add(`${url.hostname.toLowerCase()}:${url.protocol === 'https:' ? 443 : 80}`)
  return hosts
}

export const MISDIRECTED = {
  nl: 'Deze server hoort niet bij dit webadres. Gebruik het adres van Meedenken zelf.',
  en: 'This server does not belong to this web address. Please use the address of Meedenken itself.',
}

// Probed by load balancers and monitors by IP address; they say nothing about anyone.
const ANY_HOST_PATHS = new Set(['/api/health', '/api/ready'])

/**
 * Answers only requests sent to this site's own name: the host of PUBLIC_URL, or, with none
 * configured, a loopback name (a demo on this machine). Anything else is 421 Misdirected
 * Request. Without this a web page on any domain can point its own name at 127.0.0.1 (DNS
 * rebinding) and then read and write this app as if it were the same site: the demo's
 * development mailbox included, sign-in links and all.
 *
 * The Host header itself is checked, never X-Forwarded-Host, also with TRUST_PROXY: a
 * proxy in front must pass Host on (nginx: `proxy_set_header Host $host`), and
 * X-Forwarded-Host is an ordinary header that a rebinding page's script may set itself and
 * that many proxies pass through unchanged. A request without a Host header is one made in
 * this process (tests, the server-rendered page's data); every HTTP/1.1 client sends one.
 * One lookup before anything else runs (http/baseline.ts), so answers that pass cost nothing more.
 */
export function hostCheck(settings: Settings): (host: string | undefined, path: string) => boolean {
  const allowed = settings.publicUrl ? publicHosts(settings.publicUrl) : null
  const ours = (host: string) => (allowed ? allowed.has(host.toLowerCase()) : LOOPBACK_HOST.test(host))
  return (host, path) => host === undefined || ours(host) || ANY_HOST_PATHS.has(path)
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const ORIGIN_MISMATCH = {
  nl: 'Dit verzoek komt van een andere website en is daarom geweigerd.',
  en: 'This request comes from another website and was refused.',
}

/**
 * Cross-site request forgery guard for writes. Browsers send `Origin` on every write;
 * it must be this site: the origin of PUBLIC_URL, or, with none configured, a loopback
 * origin on any port (the Vite dev server proxies from another port). Never "whatever the
 * Host header says": under DNS rebinding the attacker's page and its Host are the same name.
 * Requests without it (curl, server-to-server) carry no cookies a forger could borrow, so
 * they pass on to the normal authentication.
 */
export function checkOrigin(settings: Settings): MiddlewareHandler<AppEnv> {
  const publicOrigin = settings.publicUrl ? new URL(settings.publicUrl).origin : null
  const ours = (origin: string) => (publicOrigin ? origin === publicOrigin : LOOPBACK_ORIGIN.test(origin))
  return async (c, next) => {
    if (UNSAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin')
      const fetchSite = c.req.header('sec-fetch-site')
      if (fetchSite === 'cross-site') throw new ApiError('origin_mismatch', ORIGIN_MISMATCH)
      if (origin !== undefined && !ours(origin)) throw new ApiError('origin_mismatch', ORIGIN_MISMATCH)
    }
    await next()
  }
}
