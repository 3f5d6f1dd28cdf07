import { randomBytes } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import type { Db } from '../db/open'
import type { AppEnv, Clock } from './env'

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
type Entry = { gzip: Uint8Array<ArrayBuffer>; etag: string; madeAt: number }

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

function view(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength)
}

/**
 * Keeps the JSON of anonymous reads (the idea list, an idea page) until anything in the
 * database changes (decision 012). Most visitors are not signed in and open the same few
 * pages; answering them again from memory costs a tenth of building the answer.
 *
 * "Anything changed" is exact for this process: SQLite's `total_changes()` counts every
 * row this connection wrote, triggers included, and costs well under a microsecond. Writes
 * by another process show in `PRAGMA data_version`, which costs more and is read once a
 * second. Each answer also expires a minute after it was made, because a few fields count days.
 *
 * Each kept answer has an ETag, so a browser that asks again with If-None-Match gets a
 * 304 without the body. A signed-in person's answers hold personal fields ("you voted")
 * and are never kept.
 */
export function visitorCache(db: Db, clock: Clock): MiddlewareHandler<AppEnv> {
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
    return `${ownWrites.get() as number}.${outside}`
  }

  function keep(key: string, entry: Entry): void {
    const size = entry.gzip.byteLength
    if (size > MAX_BYTES / 16) return
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
  }

  return async (c, next) => {
    if (c.req.method !== 'GET' || c.var.user) return next()
    const seen = currentVersion()
    if (seen !== version) {
      entries.clear()
      bytes = 0
      version = seen
    }
    // Path and query only: the Host header is the client's to choose.
    const url = new URL(c.req.url)
    const key = url.pathname + url.search
    // Each answer ages on its own: dropping them all on the minute would rebuild them all at once.
    const kept = entries.get(key)
    const hit = kept && clock.now() - kept.madeAt < MAX_AGE_MS ? kept : undefined
    c.header('Cache-Control', 'no-cache')
    c.header('Vary', 'Cookie, Accept-Encoding')
    const gzip = acceptsGzip(c.req.header('accept-encoding'))
    const send = (entry: Entry, plain?: Uint8Array<ArrayBuffer>) =>
      gzip
        ? c.body(entry.gzip, 200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', ETag: entry.etag })
        : c.body(plain ?? view(gunzipSync(entry.gzip)), 200, { 'Content-Type': 'application/json', ETag: entry.etag })
    if (hit) {
      entries.delete(key)
      entries.set(key, hit)
      if (c.req.header('if-none-match') === hit.etag) {
        c.header('ETag', hit.etag)
        return c.body(null, 304)
      }
      return send(hit)
    }
    // The answer's JSON as the handler writes it: reading it back from the Response would
    // turn the adapter's light response into a full stream and cost more than it saves.
    let written: Entry | undefined
    const json = c.json
    c.json = ((object: unknown, status?: unknown, headers?: unknown) => {
      // Kept only when nothing was written while this answer was made.
      if (status !== 200 || headers !== undefined || currentVersion() !== seen) {
        return (json as (...args: unknown[]) => Response)(object, status, headers)
      }
      // Encoded and compressed once: the same bytes go out now and are kept for the next visitor.
      const plain = utf8.encode(JSON.stringify(object))
      const madeAt = clock.now()
      written = { gzip: ownBytes(gzipSync(plain)), etag: `W/"${boot}.${seen}.${madeAt.toString(36)}"`, madeAt }
      return send(written, plain)
    }) as typeof c.json
    await next()
    if (written && c.res.status === 200) keep(key, written)
  }
}
