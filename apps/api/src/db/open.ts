import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { Logger } from 'drizzle-orm/logger'
import { apiRoot } from '../paths'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

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

/** Opens (and creates) the database file, applies pragmas and pending migrations. */
export function openDatabase(file: string, options: { migrate?: boolean; queryLogger?: Logger } = {}): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  applyPragmas(sqlite)
  const db = drizzle({ client: sqlite, schema, ...(options.queryLogger ? { logger: options.queryLogger } : {}) })
  if (options.migrate !== false) migrate(db, { migrationsFolder })
  // Keeps the query planner's statistics fresh enough to pick the right index (cheap at open).
  sqlite.pragma('optimize=0x10002')
  return db
}

/** A transaction handle; data functions that must join the caller's transaction take this. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx
