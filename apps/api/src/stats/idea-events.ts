import type { Channel, DeclineReason, IdeaStatus } from '@meedenken/shared'
import { and, desc, eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/open'
import { ideas, statusChanges } from '../db/schema'
import { workingDaysBetween } from '../domain/working-days'
import { bump, type Cell, ideaCell, MAX_ANSWER_DAYS } from './counters.data'

/**
 * The moments that move the scorecard, each written in the caller's transaction together
 * with the change itself: a new idea, a status change, the first public answer.
 */
export async function ideaReceived(db: DbOrTx, cell: Cell, channel: Channel): Promise<void> {
  await bump(db, cell, 'received', 1)
  await bump(db, cell, `channel:${channel}`, 1)
  await bump(db, cell, 'status:new', 1)
}

/** The author moved a new idea to another theme: its counts move with it. */
export async function ideaRethemed(db: DbOrTx, from: Cell, to: Cell, channel: Channel): Promise<void> {
  for (const [cell, delta] of [
    [from, -1],
    [to, 1],
  ] as const) {
    await bump(db, cell, 'received', delta)
    await bump(db, cell, `channel:${channel}`, delta)
    await bump(db, cell, 'status:new', delta)
  }
}

async function lastDeclineReason(db: DbOrTx, ideaId: number): Promise<DeclineReason | null> {
  return (
    (
      await db
        .select({ reason: statusChanges.declineReason })
        .from(statusChanges)
        .where(and(eq(statusChanges.ideaId, ideaId), eq(statusChanges.toStatus, 'declined')))
        .orderBy(desc(statusChanges.createdAt), desc(statusChanges.id))
        .limit(1)
    )[0]?.reason ?? null
  )
}

/** Call before the new status change row is written, so the previous decline reason is found. */
export async function statusMoved(
  db: DbOrTx,
  ideaId: number,
  from: IdeaStatus,
  to: IdeaStatus,
  declineReason: DeclineReason | null,
  now: number,
): Promise<void> {
  const cell = await ideaCell(db, ideaId)
  if (!cell) return
  await bump(db, cell, `status:${from}`, -1)
  await bump(db, cell, `status:${to}`, 1)
  if (from === 'declined') {
    const previous = await lastDeclineReason(db, ideaId)
    if (previous) await bump(db, cell, `decline:${previous}`, -1)
  }
  if (to === 'declined' && declineReason) await bump(db, cell, `decline:${declineReason}`, 1)
  if (to === 'done') await db.update(ideas).set({ doneAt: now }).where(eq(ideas.id, ideaId))
}

/**
 * Stops the first-answer clock if it is still running, records how many working days it
 * took and whether that was within the norm that applied, and counts it. Also a public update.
 */
export async function publicAnswer(db: DbOrTx, ideaId: number, now: number): Promise<void> {
  const [idea] = await db
    .select({ createdAt: ideas.createdAt, firstResponseAt: ideas.firstResponseAt, responseDueAt: ideas.responseDueAt })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  if (!idea) return
  if (idea.firstResponseAt !== null) {
    await db.update(ideas).set({ lastPublicUpdateAt: now }).where(eq(ideas.id, ideaId))
    return
  }
  const days = workingDaysBetween(idea.createdAt, now)
  await db
    .update(ideas)
    .set({ firstResponseAt: now, firstResponseWorkingDays: days, lastPublicUpdateAt: now })
    .where(eq(ideas.id, ideaId))

  const cell = await ideaCell(db, ideaId)
  if (!cell) return
  await bump(db, cell, 'answered', 1)
  await bump(db, cell, `answer_days:${Math.min(days, MAX_ANSWER_DAYS)}`, 1)
  if (idea.responseDueAt === null || now <= idea.responseDueAt) await bump(db, cell, 'within_norm', 1)
}
