import type { DbOrTx } from './open'

const caches = new WeakMap<object, Map<string, unknown>>()

/**
 * A drizzle prepared statement, built once per connection and reused. The hot reads
 * (lists, idea pages, sessions, votes) use these: building the SQL on every request cost
 * more CPU than running it (docs/decisions/010-performance.md). `key` names the
 * statement's shape: one key, one SQL text. Statements built on a transaction's handle
 * serve every later transaction on the same database: they hold drizzle's session, which
 * all transactions of a database share, not the transaction.
 */
export function prepared<H extends DbOrTx, T>(handle: H, key: string, build: (handle: H) => T): T {
  const owner = (handle as unknown as { session: object }).session
  let cache = caches.get(owner)
  if (!cache) {
    cache = new Map()
    caches.set(owner, cache)
  }
  let statement = cache.get(key) as T | undefined
  if (statement === undefined) {
    statement = build(handle)
    cache.set(key, statement)
  }
  return statement
}

/**
 * The one row an insert … returning gives. Drizzle answers every query with an array on
 * every engine; an insert without a conflict clause always has its row.
 */
export function oneRow<T>(rows: T[]): T {
  const row = rows[0]
  if (row === undefined) throw new Error('expected one row, got none')
  return row
}
