import type { Logger } from 'drizzle-orm/logger'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import type { Db, DbOrTx } from './connection'
import { registerDatabase } from './connection'

/**
 * node-postgres reads a 64-bit integer (`count(*)`, `sum(…)` of integers, our `bigint` time
 * columns in raw SQL) and a `numeric` as strings, because they may not fit a JavaScript
 * number. Ours always do: times are milliseconds (below 2^53), counts are counts. Set once,
 * for the process: drizzle hands node-postgres the global parsers on every query.
 */
function readBigNumbersAsNumbers(): void {
  pg.types.setTypeParser(pg.types.builtins.INT8, Number)
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number)
}

export type PostgresOptions = {
  queryLogger?: Logger
  /** Connections this process keeps at most (node-postgres' default is 10). */
  poolSize?: number
  /** A custom client class, e.g. one that waits for its database to exist (the tests). */
  Client?: typeof pg.Client
}

/**
 * Drizzle's node-postgres driver over a pool (docs/decisions/031-postgresql-runtime.md). A
 * transaction is drizzle's own: it takes a connection of the pool for its whole life, so a
 * statement on `db` inside it runs on another connection, outside the transaction (the
 * SQLite gate's strict mode in the tests catches such code on both engines).
 */
export function connectPostgres(url: string, options: PostgresOptions = {}): Db {
  readBigNumbersAsNumbers()
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Idle connections do not keep a process (a test worker, the admin command) alive.
    allowExitOnIdle: true,
    ...(options.Client ? { Client: options.Client } : {}),
  })
  // An idle connection that the server drops (a restart, a network hiccup) must not end the process.
  pool.on('error', () => {})
  const db = drizzle({ client: pool, ...(options.queryLogger ? { logger: options.queryLogger } : {}) })
  const transaction = db.transaction.bind(db)
  // SQLite's `behavior` (BEGIN IMMEDIATE) means nothing here: PostgreSQL locks rows as they
  // are written, and the data functions lock what they read to change (see decision 031).
  const wrapped = ((body: (tx: unknown) => Promise<unknown>) =>
    transaction(async (tx) => {
      registerDatabase(tx as unknown as DbOrTx, db as unknown as Db)
      return await body(tx)
    })) as unknown as Db['transaction']
  Object.defineProperty(db, 'transaction', { value: wrapped })
  registerDatabase(db as unknown as Db, db as unknown as Db)
  return db as unknown as Db
}
