import { sql } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { rawRows } from '../../db/raw-sql'

/** One round trip to the database: it answers, or this throws. */
export async function pingDatabase(db: Db): Promise<void> {
  await rawRows(db, sql`select 1`)
}
