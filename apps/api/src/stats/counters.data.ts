import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/open'
import { ideas, statsCounters } from '../db/schema'
import { monthOf } from './periods'

/** Working days to a first answer are counted per day up to this; later ones share a bucket. */
export const MAX_ANSWER_DAYS = 60

export type Cell = { themeId: number; month: string; targetGroup: string }

let version = 0

/** Changes whenever a counter may have changed; figures built from the counters can be kept until then. */
export function countersVersion(): number {
  return version
}

export function countersChanged(): void {
  version++
}

export async function bump(db: DbOrTx, cell: Cell, metric: string, delta: number): Promise<void> {
  if (delta === 0) return
  countersChanged()
  await db
    .insert(statsCounters)
    .values({ ...cell, metric, count: delta })
    .onConflictDoUpdate({
      target: [statsCounters.month, statsCounters.themeId, statsCounters.targetGroup, statsCounters.metric],
      set: { count: sql`${statsCounters.count} + ${delta}` },
    })
}

/** The scorecard cell an idea counts in: its theme, the month it came in, its author's group. */
export async function ideaCell(db: DbOrTx, ideaId: number): Promise<Cell | null> {
  const [row] = await db
    .select({ themeId: ideas.themeId, createdAt: ideas.createdAt, authorGroup: ideas.authorGroup })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  return row ? { themeId: row.themeId, month: monthOf(row.createdAt), targetGroup: row.authorGroup ?? 'unknown' } : null
}

export function ratingCell(themeId: number, at: number, group: string | null): Cell {
  return { themeId, month: monthOf(at), targetGroup: group ?? 'unknown' }
}
