import { AsyncLocalStorage } from 'node:async_hooks'
import type Database from 'better-sqlite3'
import type { Logger } from 'drizzle-orm/logger'
import { type AsyncRemoteCallback, drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy'

/**
 * The data layer's handle. Typed as drizzle's async SQLite database; on PostgreSQL it is
 * drizzle's node-postgres database over a pool, whose query builder has the same shape for
 * everything the data layer uses (decision 031). `$client` is the engine's own connection
 * (better-sqlite3's, or the pool) and only db/, the CLI, backups and tests touch it.
 */
export type Db = SqliteRemoteDatabase & { $client: Database.Database }
/** A transaction handle; data functions that must join the caller's transaction take this. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

type Method = 'run' | 'all' | 'values' | 'get'
type Rows = { rows: unknown[] }

/** SQL texts whose better-sqlite3 statements are kept: every shape the app builds, with room to spare. */
const STATEMENTS_KEPT = 1_000
const NO_ROWS: Rows = { rows: [] }

/**
 * Runs drizzle's SQL on the connection, as drizzle's sqlite-proxy driver expects: rows as
 * arrays (`raw`), one row for `get`. Statements are kept by SQL text, so a query pays for
 * SQLite's parsing and planning once; prepared drizzle queries (statements.ts) keep the
 * same text object, which makes the lookup a hash hit.
 */
function statementRunner(client: Database.Database) {
  const kept = new Map<string, Database.Statement>()
  return (sql: string, params: unknown[], method: Method): Rows => {
    let statement = kept.get(sql)
    if (statement === undefined) {
      statement = client.prepare(sql)
      if (statement.reader) statement.raw(true)
      if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string)
      kept.set(sql, statement)
    }
    if (method === 'run') {
      statement.run(...params)
      return NO_ROWS
    }
    if (method === 'get') return { rows: statement.get(...params) as unknown[] }
    return { rows: statement.all(...params) }
  }
}

const databases = new WeakMap<object, object>()

/** Records that `handle` (a database or one of its transactions) belongs to `database`. */
export function registerDatabase(handle: DbOrTx, database: Db): void {
  databases.set((handle as unknown as { session: object }).session, database)
}

/**
 * The same object for a database and for every transaction on it: a key for what is kept
 * per database (a cache of settings), whichever handle a data function was given.
 */
export function databaseOf(handle: DbOrTx): object {
  const session = (handle as unknown as { session: object }).session
  const database = databases.get(session)
  if (!database) throw new Error('not a handle of a database opened by connect()')
  return database
}

/** Who holds the gate: one transaction. */
type Holder = { tx: Tx | undefined }

/** A statement or a transaction waiting for the gate. */
type Waiter = { since: number; go: () => void; fail: (error: Error) => void }

/** As SQLite's busy_timeout (applyPragmas): how long anything waits for the gate before it fails. */
export const GATE_TIMEOUT_MS = 5_000

export type ConnectOptions = {
  queryLogger?: Logger
  /**
   * Refuse at once what bypasses a transaction from inside it: a statement on `db` instead
   * of `tx`, a nested `db.transaction`, a statement on the `tx` of a transaction that has
   * ended. Without this check such a statement waits for the gate its own transaction holds
   * and fails after GATE_TIMEOUT_MS, as it would wait for a second connection of a pool of
   * one; on PostgreSQL with a larger pool it would run outside the transaction. The tests
   * turn this on, so such code fails there, at once and with the reason.
   */
  strict?: boolean
  /** GATE_TIMEOUT_MS, shorter for a test. */
  gateTimeoutMs?: number
}

/**
 * Drizzle's async API over one better-sqlite3 connection (docs/decisions/030-async-data-layer.md).
 *
 * better-sqlite3 runs each statement synchronously, but an async transaction lets other
 * requests run between its statements, and on one connection their statements would land
 * inside it (and be rolled back with it). So each database has one gate, as a pool of one
 * connection has: `db.transaction` takes it and runs drizzle's transaction on a second
 * drizzle instance over the same connection, whose statements (through `tx`) run at once;
 * a statement through `db` waits while the gate is taken, as do other transactions, in
 * order of arrival. `BEGIN IMMEDIATE` by default: the write lock is taken at the start, so
 * another process (the admin command) never makes a transaction fail halfway.
 */
export function connect(client: Database.Database, options: ConnectOptions = {}): Db {
  const run = statementRunner(client)
  const timeoutMs = options.gateTimeoutMs ?? GATE_TIMEOUT_MS
  let holder: Holder | null = null
  const waiting: Waiter[] = []
  let watching = false
  // Knowing which async context a statement comes from costs every promise of the process
  // some time (Node's async hooks), so only the tests' strict mode keeps track.
  const context = options.strict ? new AsyncLocalStorage<Holder>() : null

  /** Fails what has waited too long: the holder is stuck, most likely on a statement of its own. */
  const watch = () => {
    watching = false
    const now = performance.now()
    while (waiting.length > 0 && (waiting[0] as Waiter).since <= now - timeoutMs) {
      waiting
        .shift()
        ?.fail(new Error(`the database stayed busy for ${timeoutMs} ms (a statement on db inside a transaction?)`))
    }
    const next = waiting[0]
    if (next) {
      watching = true
      setTimeout(watch, next.since + timeoutMs - now).unref()
    }
  }
  const wait = (go: () => void, fail: (error: Error) => void) => {
    waiting.push({ since: performance.now(), go, fail })
    if (watching) return
    watching = true
    setTimeout(watch, timeoutMs).unref()
  }
  // A statement whose turn comes runs and leaves the gate free; a transaction takes it.
  const release = () => {
    holder = null
    while (holder === null && waiting.length > 0) waiting.shift()?.go()
  }

  // The callbacks answer with the rows themselves when they can: drizzle awaits whatever
  // they return, and a promise per statement is a cost the hot reads would pay for nothing.
  const outside = (sql: string, params: unknown[], method: Method): Rows | Promise<Rows> => {
    if (holder === null) return run(sql, params, method)
    if (context && context.getStore() === holder) {
      throw new Error(`a statement on db inside a transaction (use its tx): ${sql}`)
    }
    return new Promise((resolve, reject) =>
      wait(() => {
        try {
          resolve(run(sql, params, method))
        } catch (error) {
          reject(error)
        }
      }, reject),
    )
  }

  const inside = (sql: string, params: unknown[], method: Method): Rows => {
    if (holder === null || (context && context.getStore() !== holder)) {
      throw new Error(`a statement on a transaction that has ended: ${sql}`)
    }
    return run(sql, params, method)
  }

  // Without the schema: the data layer uses the query builder only, and with one drizzle
  // builds a relational query helper per table for every transaction and savepoint it
  // opens (seen in a --cpu-prof of the vote path).
  const config = options.queryLogger ? { logger: options.queryLogger } : {}
  const db = drizzle(outside as unknown as AsyncRemoteCallback, config) as Db
  const transactions = drizzle(inside as unknown as AsyncRemoteCallback, config)

  const transaction: Db['transaction'] = async (body, settings) => {
    if (context && holder !== null && context.getStore() === holder) {
      throw new Error('db.transaction inside a transaction (use tx.transaction)')
    }
    const mine: Holder = { tx: undefined }
    if (holder === null) holder = mine
    else
      await new Promise<void>((resolve, reject) =>
        wait(() => {
          holder = mine
          resolve()
        }, reject),
      )
    const begin = () =>
      transactions.transaction(
        (tx) => {
          mine.tx = tx
          return body(tx)
        },
        { behavior: settings?.behavior ?? 'immediate' },
      )
    try {
      return await (context ? context.run(mine, begin) : begin())
    } finally {
      release()
    }
  }
  Object.defineProperty(db, 'transaction', { value: transaction })
  for (const handle of [db, transactions]) registerDatabase(handle as DbOrTx, db)
  Object.defineProperty(db, '$client', { value: client })
  return db
}
