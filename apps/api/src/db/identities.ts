import { getTableColumns, getTableName, sql, type Table } from 'drizzle-orm'
import { engine } from './engine'
import type { DbOrTx } from './open'
import { rawRun } from './raw-sql'

/**
 * After rows were written with their ids given (the demo, a copy from SQLite), the next
 * ordinary insert must get a free id. SQLite picks max(id) + 1 itself; PostgreSQL's identity
 * columns count on from their own sequence, so it is moved past the highest id here.
 */
export async function moveIdentitiesOn(handle: DbOrTx, tables: Table[]): Promise<void> {
  if (engine !== 'postgres') return
  for (const table of tables) {
    if (!('id' in getTableColumns(table))) continue
    const name = getTableName(table)
    await rawRun(
      handle,
      sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce((select max(id) from ${sql.identifier(name)}), 0) + 1, false)`,
    )
  }
}
