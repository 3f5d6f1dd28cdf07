import { randomBytes } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Context, MiddlewareHandler, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import type { Db } from '../db/open'
import { quietWrites } from '../db/quiet-writes'
import type { AppEnv, Clock } from './env'
import { sessionToken } from './session'

/** Enough for every first page of every sort and filter people commonly open. */
const MAX_ENTRIES = 16_000
/** A ceiling on memory (compressed bytes, outside the JS heap): the server stays under 300 MB (decision 010). */
const MAX_BYTES = 32 * 1024 * 1024
/** Writes by other processes (the admin command) are noticed within this long. */
const OUTSIDE_CHECK_MS = 1_000
/** Answers that say "waiting for 3 working days" are recomputed at least this often. */
const MAX_AGE_MS = 60_000

/**
 * The answer as gzip: a list of twenty ideas is ~12 KB of JSON and ~2.5 KB compressed, so
 * five times as many answers fit, and a browser gets the bytes as they are.
 */
export type Entry = { gzip: Uint8Array<ArrayBuffer>; etag: string; madeAt: number }

const utf8 = new TextEncoder()

/** Whether the client takes gzip: named (or "*") without q=0. Browsers all do. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header.split(',').some((part) => {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase())
    if (name !== 'gzip' && name !== '*') return false
    const q = params.find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

/** zlib's output is a view into a 16 KB chunk; a copy keeps only the bytes, as MAX_BYTES counts them. */
function ownBytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer)
}

/** A Node Buffer as the Uint8Array a response body takes, without copying. */
export function view(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength)
}

/**
 * Answers kept for visitors (people not signed in) until anything in the database changes
 * (decision 012): the JSON of the idea list and of comment pages, and the server-rendered
 * list page. (An idea's own page is stored in the database instead: decision 015.) Most
 * visitors open the same few pages; answering them from memory costs a tenth of building
 * the answer, and a rendered page a hundredth.
 *
 * "Anything changed" is exact for this process: SQLite's `total_changes()` counts every
 * row this connection wrote, triggers included, and costs well under a microsecond. Writes
 * by another process show in `PRAGMA data_version`, which costs more and is read once a
 * second. Each answer also expires a minute after it was made, because a few fields count days.
 *
 * Each kept answer has an ETag, so a browser that asks again with If-None-Match gets a
 * 304 without the body. A signed-in person's answers hold personal fields ("you voted")
 * and are never kept: callers ask only for visitors.
 */
export type VisitorStore = {
  /** The data as it is now; an answer is kept only if the data did not change while it was made. */
  version(): string
  /** A kept answer for this key, if the data has not changed since and it is under a minute old. */
  lookup(key: string): Entry | undefined
  /** Keeps the answer made while the data was at `seen`; undefined (not kept) when it changed meanwhile. */
  keep(key: string, plain: Uint8Array<ArrayBuffer>, seen: string): Entry | undefined
}

export function createVisitorStore(db: Db, clock: Clock): VisitorStore {
  // In the ETag: after a restart the counters start again, and an old tag must not match.
  const boot = randomBytes(4).toString('hex')
  const ownWrites = db.$client.prepare('select total_changes()').pluck()
  const outsideWrites = db.$client.prepare('pragma data_version').pluck()
  let outside = 0
  let outsideCheckedAt = Number.NEGATIVE_INFINITY
  let version = ''
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recently used.
  const entries = new Map<string, Entry>()
  let bytes = 0

  function currentVersion(): string {
    const now = clock.now()
    if (now - outsideCheckedAt >= OUTSIDE_CHECK_MS) {
      outside = outsideWrites.get() as number
      outsideCheckedAt = now
    }
    const seen = `${(ownWrites.get() as number) - quietWrites(db.$client)}.${outside}`
    if (seen !== version) {
      entries.clear()
      bytes = 0
      version = seen
    }
    return seen
  }

  function lookup(key: string): Entry | undefined {
    currentVersion()
    const kept = entries.get(key)
    // Each answer ages on its own: dropping them all on the minute would rebuild them all at once.
    if (!kept || clock.now() - kept.madeAt >= MAX_AGE_MS) return undefined
    entries.delete(key)
    entries.set(key, kept)
    return kept
  }

  function keep(key: string, plain: Uint8Array<ArrayBuffer>, seen: string): Entry | undefined {
    if (currentVersion() !== seen) return undefined
    const madeAt = clock.now()
    const entry = { gzip: ownBytes(gzipSync(plain)), etag: `W/"${boot}.${seen}.${madeAt.toString(36)}"`, madeAt }
    const size = entry.gzip.byteLength
    if (size > MAX_BYTES / 16) return undefined
    // An answer that aged out is still here: it is replaced, and its bytes no longer count.
    const aged = entries.get(key)
    if (aged) {
      entries.delete(key)
      bytes -= aged.gzip.byteLength
    }
    entries.set(key, entry)
    bytes += size
    for (const [oldest, old] of entries) {
      if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break
      entries.delete(oldest)
      bytes -= old.gzip.byteLength
    }
    return entry
  }

  return { version: currentVersion, lookup, keep }
}

/**
 * A kept answer as the client takes it: a 304 when it has this version, the gzip bytes
 * when it takes gzip, else unzipped (`plain` when the caller still has them).
 */
export function sendKept(
  c: Context<AppEnv>,
  entry: Entry,
  contentType: string,
  plain?: Uint8Array<ArrayBuffer>,
): Response {
  c.header('Vary', 'Cookie, Accept-Encoding')
  c.header('ETag', entry.etag)
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304)
  if (acceptsGzip(c.req.header('accept-encoding'))) {
    return c.body(entry.gzip, 200, { 'Content-Type': contentType, 'Content-Encoding': 'gzip' })
  }
  return c.body(plain ?? view(gunzipSync(entry.gzip)), 200, { 'Content-Type': contentType })
}

/** Path and query only: the Host header is the client's to choose. */
export function visitorKey(c: Context<AppEnv>): string {
  const url = new URL(c.req.url)
  return url.pathname + url.search
}

/** What the visitor cache middleware hands the route: where to keep its answer, and the data it saw. */
export type VisitorAnswer = { store: VisitorStore; key: string; seen: string }

/**
 * The idea list's and comments' JSON for visitors, from the store while the data is
 * unchanged. A miss passes the key on as plain data; the route answers through
 * `visitorJson`. (Wrapping `c.json` in a closure on the context instead cost about
 * 110 µs a request in garbage collection: decision 012.)
 */
export function visitorCache(store: VisitorStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A cookie for a session that ended was just cleared: that answer is personal, never kept.
    if (c.req.method !== 'GET' || c.var.user || sessionToken(c)) return next()
    const seen = store.version()
    const key = visitorKey(c)
    c.header('Cache-Control', 'no-cache')
    c.header('Vary', 'Cookie, Accept-Encoding')
    const hit = store.lookup(key)
    if (hit) return sendKept(c, hit, JSON_TYPE)
    c.set('visitorAnswer', { store, key, seen })
    await next()
  }
}

/**
 * A route's 200 answer: encoded and compressed once when a visitor asked, so the same bytes
 * go out now and are kept for the next one; as `c.json` otherwise.
 */
export function visitorJson<T extends object>(
  c: Context<AppEnv>,
  object: T,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const answer = c.get('visitorAnswer')
  if (!answer) return c.json(object, 200)
  const plain = utf8.encode(JSON.stringify(object))
  const entry = answer.store.keep(answer.key, plain, answer.seen)
  // Something was written while this answer was made: it goes out, but is not kept.
  const sent = entry ? sendKept(c, entry, JSON_TYPE, plain) : c.body(plain, 200, { 'Content-Type': JSON_TYPE })
  // The bytes are this object's JSON, so the route's declared type holds.
  return sent as Response & TypedResponse<JSONParsed<T>, 200, 'json'>
}

const JSON_TYPE = 'application/json'
