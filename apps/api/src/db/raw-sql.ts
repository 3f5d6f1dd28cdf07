import type { SQL } from 'drizzle-orm'
import { engine } from './engine'
import type { DbOrTx } from './open'

type PgHandle = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Runs a statement the query builder cannot say, such as an INSERT … SELECT over a query
 * that arrives as SQL (drizzle's builder would expand it to every column of the table),
 * and returns its rows as arrays in column order (`returning 1` makes a count). The one
 * place that knows each driver's raw call: SQLite's `all`, node-postgres' `execute` (whose
 * rows are objects with their keys in column order: give every column its own name).
 */
export async function rawRows(handle: DbOrTx, query: SQL): Promise<unknown[][]> {
  if (engine === 'postgres') {
    const result = await (handle as unknown as PgHandle).execute(query)
    return result.rows.map((row) => Object.values(row))
  }
  return await handle.all<unknown[]>(query)
}

/** The same, for a statement without rows. */
export async function rawRun(handle: DbOrTx, query: SQL): Promise<void> {
  if (engine === 'postgres') await (handle as unknown as PgHandle).execute(query)
  else await handle.run(query)
}
