import { hash } from 'node:crypto'
import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import type { AppEnv } from './env'
import { sessionToken } from './session'

/**
 * HTTP caching in its standard form (decision 017), for answers that are the same for
 * every visitor: an ETag made from the answer itself, so any number of server processes
 * give the same tag for the same data and a browser that has it gets a 304 without the
 * body; and a Cache-Control that lets a reverse proxy keep the answer for a few seconds
 * while browsers ask again each time. Anything personal is `private, no-store` instead
 * (set by the session middleware): a signed-in person, or a cookie of an ended session
 * being cleared in this answer, never gets a shared answer.
 */
export type SharedAnswer = { proxySeconds: number }

/** Lists and idea pages change with every vote: a proxy keeps them briefly. */
export const BRIEFLY: SharedAnswer = { proxySeconds: 5 }
/** Figures built from counters (the scorecard, open data): a minute behind is fine. */
export const A_MINUTE: SharedAnswer = { proxySeconds: 60 }

/** A weak tag of the bytes: equal bytes, equal tag, in every process. */
export function etagOf(body: string | Uint8Array): string {
  return `W/"${hash('sha1', body, 'base64url').slice(0, 22)}"`
}

/** Whether If-None-Match names this tag (or is `*`). */
function matches(c: Context<AppEnv>, etag: string): boolean {
  const sent = c.req.header('if-none-match')
  if (!sent) return false
  return sent === '*' || sent.split(',').some((tag) => tag.trim() === etag)
}

/** True when the answer depends on who asks: then it is personal, never shared. */
export function isPersonal(c: Context<AppEnv>): boolean {
  return c.var.user !== null || sessionToken(c) !== undefined
}

/**
 * A 200 JSON answer; for visitors with an ETag (304 when the browser has it) and a
 * Cache-Control a proxy may follow. The route's declared type holds: the bytes are this
 * object's JSON.
 */
export function sharedJson<T extends object>(
  c: Context<AppEnv>,
  object: T,
  policy: SharedAnswer = BRIEFLY,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  if (isPersonal(c)) return c.json(object, 200)
  const body = JSON.stringify(object)
  const etag = etagOf(body)
  const headers = {
    ETag: etag,
    'Cache-Control': `public, max-age=0, s-maxage=${policy.proxySeconds}`,
    Vary: 'Cookie',
  }
  const sent = matches(c, etag)
    ? c.body(null, 304, headers)
    : c.body(body, 200, { ...headers, 'Content-Type': 'application/json' })
  return sent as unknown as Response & TypedResponse<JSONParsed<T>, 200, 'json'>
}

/** The same for a server-rendered page for visitors (the idea list's first HTML). */
export function sharedHtml(c: Context<AppEnv>, html: string, status: number): Response {
  const etag = etagOf(html)
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=0, s-maxage=5', Vary: 'Cookie' }
  if (status === 200 && matches(c, etag)) return c.body(null, 304, headers)
  return c.body(html, status as 200, { ...headers, 'Content-Type': 'text/html; charset=UTF-8' })
}
