import path from 'node:path'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { apiRoot } from '../paths'

/** PostgreSQL's migrations, generated from the same schema source as SQLite's (drizzle.pg.config.ts). */
export const pgMigrationsFolder = path.join(apiRoot, 'drizzle-pg')

/**
 * The advisory lock key of migrating ("meede" in ASCII). Several processes may start at
 * once against one database: the first migrates, the others wait and then find nothing to do.
 */
export const MIGRATION_LOCK = 469_798_659_173

/**
 * Applies PostgreSQL's pending migrations, one process at a time. It runs on a connection of
 * its own: the session-level advisory lock and drizzle's migration transaction must share
 * one connection (a pool could run the transaction on another, outside the lock).
 */
export async function migratePostgres(connection: string | pg.ClientConfig): Promise<void> {
  const client = new pg.Client(typeof connection === 'string' ? { connectionString: connection } : connection)
  await client.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await migrate(drizzle({ client }), { migrationsFolder: pgMigrationsFolder })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    await client.end()
  }
}
