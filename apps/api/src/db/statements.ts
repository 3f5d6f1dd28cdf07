import type { Db } from './open'

const caches = new WeakMap<Db, Map<string, unknown>>()

/**
 * A drizzle prepared statement for this connection, built once and reused. The hot reads
 * (lists, idea pages, sessions, votes) use these: building and preparing the SQL on every
 * request cost more CPU than running it (docs/decisions/010-performance.md). `key` names
 * the statement's shape: one key, one SQL text.
 */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let statement = cache.get(key) as T | undefined
  if (statement === undefined) {
    statement = build(db)
    cache.set(key, statement)
  }
  return statement
}
