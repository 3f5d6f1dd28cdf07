import type { SQL } from 'drizzle-orm'
import type { DbOrTx } from './open'

/**
 * Runs a statement the query builder cannot say, such as an INSERT … SELECT over a query
 * that arrives as SQL (drizzle's builder would expand it to every column of the table),
 * and returns its rows as arrays in column order (`returning 1` makes a count). The one
 * place that knows the driver's raw call: on PostgreSQL it becomes `execute` with array rows.
 */
export async function rawRows(handle: DbOrTx, query: SQL): Promise<unknown[][]> {
  return await handle.all<unknown[]>(query)
}

/** The same, for a statement without rows. */
export async function rawRun(handle: DbOrTx, query: SQL): Promise<void> {
  await handle.run(query)
}
