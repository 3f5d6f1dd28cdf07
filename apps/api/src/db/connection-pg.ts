import { createHash } from 'node:crypto'
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

/**
 * PostgreSQL parses and plans an unnamed statement on every execution; drizzle's statements
 * are unnamed. For the idea page that planning was most of PostgreSQL's work (2,004 µs of
 * CPU a page against 812 µs named; votes 2,016 → 1,441 µs; measured by the bench, decision
 * 031). So each connection names the statements it runs by a hash of their text, and keeps
 * them prepared. Not searches (`@@`): the plan for a rare word and a common one differ, and a
 * named statement may settle on one generic plan for both.
 */
const NAMED = /^\s*(select|insert|update|delete|with)\b/i
const names = new Map<string, string>()

function statementName(text: string): string {
  let name = names.get(text)
  if (name === undefined) {
    name = `m_${createHash('sha1').update(text).digest('base64url')}`
    if (names.size >= 5_000) names.clear()
    names.set(text, name)
  }
  return name
}

function namingClient(Base: typeof pg.Client): typeof pg.Client {
  class NamingClient extends Base {
    // @ts-expect-error node-postgres' query has many overloads; this one passes every call on.
    override query(config: unknown, values?: unknown, callback?: unknown) {
      if (
        typeof config === 'object' &&
        config !== null &&
        'text' in config &&
        typeof config.text === 'string' &&
        !('name' in config && config.name) &&
        NAMED.test(config.text) &&
        !config.text.includes('@@')
      ) {
        config = { ...config, name: statementName(config.text) }
      }
      // @ts-expect-error see above
      return super.query(config, values, callback)
    }
  }
  return NamingClient as unknown as typeof pg.Client
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
    Client: namingClient(options.Client ?? pg.Client),
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
