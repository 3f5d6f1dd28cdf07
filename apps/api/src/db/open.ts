import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { Logger } from 'drizzle-orm/logger'
import { apiRoot } from '../paths'
import { connect, type Db } from './connection'

export type { Db, DbOrTx, Tx } from './connection'

export const migrationsFolder = path.join(apiRoot, 'drizzle')

/** Settings every connection needs; see docs/decisions/003-sqlite-settings.md. */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('temp_store = MEMORY')
  sqlite.pragma('cache_size = -32000')
}

/**
 * Opens (and creates) the database file, applies pragmas and pending migrations, and
 * returns drizzle's async API over it (connection.ts). Migrations run before anything
 * else can use the connection, so they use drizzle's synchronous driver.
 */
export function openDatabase(
  file: string,
  options: { migrate?: boolean; queryLogger?: Logger; strict?: boolean } = {},
): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  applyPragmas(sqlite)
  if (options.migrate !== false) migrate(drizzle({ client: sqlite }), { migrationsFolder })
  // Keeps the query planner's statistics fresh enough to pick the right index (cheap at open).
  sqlite.pragma('optimize=0x10002')
  return connect(sqlite, {
    ...(options.queryLogger ? { queryLogger: options.queryLogger } : {}),
    ...(options.strict ? { strict: true } : {}),
  })
}
