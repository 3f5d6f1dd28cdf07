import { hash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import type { Db } from '../db/open'
import { listVersion } from '../db/schema'
import { prepared } from '../db/statements'
import { COMPRESS_MIN_LENGTH, type Coding, compress, matchedTag, preferredCoding, taggedFor, tagsFor } from './compress'
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

/** True when the answer depends on who asks: then it is personal, never shared. */
export function isPersonal(c: Context<AppEnv>): boolean {
  return c.var.user !== null || sessionToken(c) !== undefined
}

const JSON_TYPE = 'application/json'
const HTML_TYPE = 'text/html; charset=UTF-8'
/** A shared answer that may be compressed differs per Cookie and per Accept-Encoding. */
const VARY_CODED = 'Cookie, Accept-Encoding'
const utf8 = new TextEncoder()

/** The coding this answer goes out in: none for a small body or a client that takes none. */
function codingFor(c: Context<AppEnv>, length: number): Coding | null {
  return length >= COMPRESS_MIN_LENGTH ? preferredCoding(c.req.header('accept-encoding')) : null
}

/**
 * The body in `coding`, with its coding and length beside the other headers. Compressed
 * here, from the body the handler made, before the answer exists (decision 021): headers
 * changed on a finished answer would cost the request path dearly (decision 017).
 */
function coded(
  c: Context<AppEnv>,
  body: Uint8Array<ArrayBuffer>,
  coding: Coding,
  status: number,
  headers: Record<string, string>,
): Response {
  return c.body(body, status as 200, {
    ...headers,
    'Content-Encoding': coding,
    'Content-Length': String(body.byteLength),
  })
}

/**
 * A personal answer (`private, no-store` and `Vary: Cookie` are already set by the session):
 * compressed when large enough, like every other.
 */
function personal(c: Context<AppEnv>, body: string, status: number, type: string): Response {
  const coding = codingFor(c, body.length)
  if (!coding) return c.body(body, status as 200, { 'Content-Type': type })
  return coded(c, compress(utf8.encode(body), coding), coding, status, { 'Content-Type': type, Vary: VARY_CODED })
}

/**
 * A visitor's answer: an ETag of its bytes (per coding, see compress.ts), a 304 when the
 * browser has it, a Cache-Control a proxy may follow, and the body compressed when large.
 */
function shared(c: Context<AppEnv>, body: string, status: number, type: string, proxySeconds: number): Response {
  const etag = etagOf(body)
  const coding = codingFor(c, body.length)
  const headers = {
    ETag: taggedFor(etag, coding),
    'Cache-Control': `public, max-age=0, s-maxage=${proxySeconds}`,
    Vary: body.length >= COMPRESS_MIN_LENGTH ? VARY_CODED : 'Cookie',
  }
  if (status === 200) {
    const matched = revalidated(c, etag, coding)
    if (matched) return c.body(null, 304, { ...headers, ETag: matched })
  }
  if (!coding) return c.body(body, status as 200, { ...headers, 'Content-Type': type })
  return coded(c, compress(utf8.encode(body), coding), coding, status, { ...headers, 'Content-Type': type })
}

/** The tag If-None-Match names for this answer in any coding, if it does. */
function revalidated(c: Context<AppEnv>, etag: string, coding: Coding | null): string | undefined {
  const sent = c.req.header('if-none-match')
  return sent ? matchedTag(sent, tagsFor(etag, coding)) : undefined
}

/**
 * A 200 JSON answer; for visitors with an ETag (304 when the browser has it) and a
 * Cache-Control a proxy may follow. The route's declared type holds: the bytes are this
 * object's JSON (compressed when large and the client accepts it).
 */
export function sharedJson<T extends object>(
  c: Context<AppEnv>,
  object: T,
  policy: SharedAnswer = BRIEFLY,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const body = JSON.stringify(object)
  const sent = isPersonal(c) ? personal(c, body, 200, JSON_TYPE) : shared(c, body, 200, JSON_TYPE, policy.proxySeconds)
  return sent as unknown as Response & TypedResponse<JSONParsed<T>, 200, 'json'>
}

/** The same for a server-rendered page for visitors (the idea list's first HTML). */
export function sharedHtml(c: Context<AppEnv>, html: string, status: number): Response {
  return shared(c, html, status, HTML_TYPE, BRIEFLY.proxySeconds)
}

/** A server-rendered page for a signed-in person: theirs alone, compressed when large. */
export function personalHtml(c: Context<AppEnv>, html: string, status: number): Response {
  return personal(c, html, status, HTML_TYPE)
}

/**
 * Visitors' idea lists, kept per address while the database's list version stays the same
 * (decision 017). The version is the sum of a small table's rows that triggers move with every
 * change to an idea or to what a card shows of its author, in the same transaction, so every
 * process agrees: a list answered at version N is right exactly as long as the version is N
 * (one row on SQLite, one per connection on PostgreSQL: decision 035). Reading it is one tiny
 * read; building a list is two statements and twenty cards, and lists are what most
 * visitors open. The version is also the list's ETag, so a browser's 304 costs that one read.
 * Nothing else is kept: memory here holds only copies of what the database says.
 */
const LIST_CACHE = { entries: 4_000, bytes: 32 * 1024 * 1024 }

/** A list as JSON, and its compressed forms once a client asked for them (decision 021). */
type KeptList = { version: number; body: Uint8Array<ArrayBuffer> } & Partial<Record<Coding, Uint8Array<ArrayBuffer>>>
type ListStore = { entries: Map<string, KeptList>; bytes: number }

const stores = new WeakMap<Db, ListStore>()

function storeOf(db: Db): ListStore {
  let store = stores.get(db)
  if (!store) {
    store = { entries: new Map(), bytes: 0 }
    stores.set(db, store)
  }
  return store
}

function sizeOf(kept: KeptList): number {
  return kept.body.byteLength + (kept.br?.byteLength ?? 0) + (kept.gzip?.byteLength ?? 0)
}

/** Drops the least recently used lists until the store is within its bounds. */
function trim(store: ListStore): void {
  for (const [oldest, entry] of store.entries) {
    if (store.entries.size <= LIST_CACHE.entries && store.bytes <= LIST_CACHE.bytes) break
    store.entries.delete(oldest)
    store.bytes -= sizeOf(entry)
  }
}

/** The list version as the database holds it now. */
export async function currentListVersion(db: Db): Promise<number> {
  const statement = prepared(db, 'http.listVersion', (d) =>
    // The sum of its rows: one row on SQLite, one per connection on PostgreSQL (drizzle-pg/0008).
    d
      .select({ version: sql<number>`coalesce(sum(${listVersion.version}), 0)`.mapWith(Number) })
      .from(listVersion)
      .prepare(),
  )
  return (await statement.execute())[0]?.version ?? 0
}

/**
 * A visitor's idea list: from memory while the list version is unchanged, else built,
 * kept and sent. Its compressed form is kept with it, made the first time a client asks
 * for that coding: a hot list is compressed once per version, not once per request.
 * A signed-in person's list holds their votes: built each time, never kept.
 */
export async function sharedList<T extends object>(
  c: Context<AppEnv>,
  build: () => Promise<T>,
): Promise<Response & TypedResponse<JSONParsed<T>, 200, 'json'>> {
  type Typed = Response & TypedResponse<JSONParsed<T>, 200, 'json'>
  if (isPersonal(c)) return personal(c, JSON.stringify(await build()), 200, JSON_TYPE) as Typed
  const db = c.var.db
  const version = await currentListVersion(db)
  const etag = `W/"l${version}"`
  const accepted = preferredCoding(c.req.header('accept-encoding'))
  // A list may be compressed: its size is known only once it is read, after the 304 check.
  const headers = {
    ETag: etag,
    'Cache-Control': `public, max-age=0, s-maxage=${BRIEFLY.proxySeconds}`,
    Vary: VARY_CODED,
  }
  const matched = revalidated(c, etag, accepted)
  if (matched) return c.body(null, 304, { ...headers, ETag: matched }) as unknown as Typed
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
      store.bytes -= sizeOf(kept)
    }
    kept = { version, body: utf8.encode(JSON.stringify(await build())) }
    store.entries.set(key, kept)
    store.bytes += kept.body.byteLength
    trim(store)
  }
  const coding = kept.body.byteLength >= COMPRESS_MIN_LENGTH ? accepted : null
  if (!coding) return c.body(kept.body, 200, { ...headers, 'Content-Type': JSON_TYPE }) as unknown as Typed
  let packed = kept[coding]
  if (!packed) {
    packed = compress(kept.body, coding)
    kept[coding] = packed
    store.bytes += packed.byteLength
    trim(store)
  }
  return coded(c, packed, coding, 200, {
    ...headers,
    ETag: taggedFor(etag, coding),
    'Content-Type': JSON_TYPE,
  }) as unknown as Typed
}
