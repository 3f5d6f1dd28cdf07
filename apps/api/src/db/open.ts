import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { Logger } from 'drizzle-orm/logger'
import type pg from 'pg'
import { apiRoot } from '../paths'
import { connect, type Db } from './connection'
import { connectPostgres, type PostgresOptions } from './connection-pg'
import { engine, engineOf } from './engine'
import { migratePostgres } from './migrate-pg'

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

/**
 * The database the settings name, migrated and ready: PostgreSQL when `databaseUrl` is set
 * (migrated under an advisory lock, so several processes may start at once), else the
 * SQLite file. The process's engine (engine.ts, from DATABASE_URL) must be the same, because
 * the tables were built for it when schema.ts was first imported.
 */
export async function openConfiguredDatabase(
  settings: { databaseUrl: string | null; databasePath: string },
  options: { queryLogger?: Logger } & Pick<PostgresOptions, 'poolSize'> = {},
): Promise<Db> {
  const wanted = engineOf(settings.databaseUrl ?? undefined)
  if (wanted !== engine) {
    throw new Error(`this process runs on ${engine} (DATABASE_URL at start) but was asked to open ${wanted}`)
  }
  if (settings.databaseUrl === null) return openDatabase(settings.databasePath, options)
  await migratePostgres(settings.databaseUrl)
  return connectPostgres(settings.databaseUrl, options)
}

/** Closes the engine's connection: SQLite's file (checkpointing its log), or the pool. */
export async function closeDatabase(db: Db): Promise<void> {
  if (engine === 'postgres') await (db.$client as unknown as pg.Pool).end()
  else db.$client.close()
}
