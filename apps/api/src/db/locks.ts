import { sql } from 'drizzle-orm'
import { engine } from './engine'
import type { Tx } from './open'
import { rawRun } from './raw-sql'
import { ideas } from './schema'

/**
 * Holds these ideas' rows until the transaction ends, so that what the transaction reads
 * about them (their status, their assignee, whether they are hidden) is still true when it
 * writes: two civil servants changing one idea's status at once then happen one after the
 * other, never both from the same "before". On PostgreSQL `SELECT … FOR UPDATE`, in id order
 * so two transactions that lock the same ideas never wait on each other in a circle. On
 * SQLite nothing: a write transaction there holds the whole database from BEGIN IMMEDIATE.
 */
export async function lockIdeas(tx: Tx, ids: number[]): Promise<void> {
  if (engine !== 'postgres' || ids.length === 0) return
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  await rawRun(
    tx,
    sql`select ${ideas.id} from ${ideas} where ${ideas.id} in (${sql.join(
      sorted.map((id) => sql`${id}`),
      sql`, `,
    )}) order by ${ideas.id} for update`,
  )
}
