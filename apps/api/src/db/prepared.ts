import type Database from 'better-sqlite3'
import type { Db, DbOrTx } from './open'

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>()
const observers = new WeakMap<Database.Database, (sql: string, params: unknown[]) => void>()

function clientOf(db: Db | DbOrTx): Database.Database {
  return (db as Db).$client ?? (db as unknown as { session: { client: Database.Database } }).session.client
}

/** Lets a test or the benchmark see every statement this connection runs (query plans). */
export function observeStatements(client: Database.Database, observer: (sql: string, params: unknown[]) => void): void {
  observers.set(client, observer)
}

/**
 * A prepared statement for this connection, made once and reused. The hot paths (lists,
 * idea pages, sessions, votes) use these: building and preparing SQL on every request cost
 * more CPU than running it (see docs/decisions/010-performance.md).
 */
function prepared(db: Db | DbOrTx, sql: string): { statement: Database.Statement; client: Database.Database } {
  const client = clientOf(db)
  let cache = caches.get(client)
  if (!cache) {
    cache = new Map()
    caches.set(client, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    statement = client.prepare(sql)
    cache.set(sql, statement)
  }
  return { statement, client }
}

export function queryAll<T>(db: Db | DbOrTx, sql: string, ...params: unknown[]): T[] {
  const { statement, client } = prepared(db, sql)
  observers.get(client)?.(sql, params)
  return statement.all(...params) as T[]
}

export function queryGet<T>(db: Db | DbOrTx, sql: string, ...params: unknown[]): T | undefined {
  const { statement, client } = prepared(db, sql)
  observers.get(client)?.(sql, params)
  return statement.get(...params) as T | undefined
}

export function queryRun(db: Db | DbOrTx, sql: string, ...params: unknown[]): Database.RunResult {
  const { statement, client } = prepared(db, sql)
  observers.get(client)?.(sql, params)
  return statement.run(...params)
}

/** "?, ?, ?" for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ')
}
