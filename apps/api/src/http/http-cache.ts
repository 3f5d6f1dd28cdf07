import { hash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import type { Db } from '../db/open'
import { listVersion } from '../db/schema'
import { prepared } from '../db/statements'
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

/**
 * Visitors' idea lists, kept per address while the database's list version stays the same
 * (decision 017). The version is a row that triggers move with every change to an idea or
 * to what a card shows of its author, in the same transaction, so every process agrees: a
 * list answered at version N is right exactly as long as the version is N. Reading it is one
 * indexed row; building a list is two statements and twenty cards, and lists are what most
 * visitors open. The version is also the list's ETag, so a browser's 304 costs that one read.
 * Nothing else is kept: memory here holds only copies of what the database says.
 */
const LIST_CACHE = { entries: 4_000, bytes: 32 * 1024 * 1024 }

type KeptList = { version: number; body: Uint8Array<ArrayBuffer> }
type ListStore = { entries: Map<string, KeptList>; bytes: number }

const stores = new WeakMap<Db, ListStore>()
const utf8 = new TextEncoder()

function storeOf(db: Db): ListStore {
  let store = stores.get(db)
  if (!store) {
    store = { entries: new Map(), bytes: 0 }
    stores.set(db, store)
  }
  return store
}

/** The list version as the database holds it now. */
export function currentListVersion(db: Db): number {
  const statement = prepared(db, 'http.listVersion', (d) =>
    d.select({ version: listVersion.version }).from(listVersion).where(eq(listVersion.id, 1)).prepare(),
  )
  return statement.get()?.version ?? 0
}

/**
 * A visitor's idea list: from memory while the list version is unchanged, else built,
 * kept and sent. A signed-in person's list holds their votes: built each time, never kept.
 */
export function sharedList<T extends object>(
  c: Context<AppEnv>,
  build: () => T,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  type Typed = Response & TypedResponse<JSONParsed<T>, 200, 'json'>
  if (isPersonal(c)) return c.json(build(), 200)
  const db = c.var.db
  const version = currentListVersion(db)
  const etag = `W/"l${version}"`
  const headers = { ETag: etag, 'Cache-Control': `public, max-age=0, s-maxage=${BRIEFLY.proxySeconds}`, Vary: 'Cookie' }
  if (matches(c, etag)) return c.body(null, 304, headers) as unknown as Typed
  const store = storeOf(db)
  const key = c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2))
  let kept = store.entries.get(key)
  if (kept && kept.version === version) {
    // Most recently used last: the oldest go first when the store is full.
    store.entries.delete(key)
    store.entries.set(key, kept)
  } else {
    if (kept) {
      store.entries.delete(key)
      store.bytes -= kept.body.byteLength
    }
    kept = { version, body: utf8.encode(JSON.stringify(build())) }
    store.entries.set(key, kept)
    store.bytes += kept.body.byteLength
    for (const [oldest, entry] of store.entries) {
      if (store.entries.size <= LIST_CACHE.entries && store.bytes <= LIST_CACHE.bytes) break
      store.entries.delete(oldest)
      store.bytes -= entry.body.byteLength
    }
  }
  return c.body(kept.body, 200, { ...headers, 'Content-Type': 'application/json' }) as unknown as Typed
}
