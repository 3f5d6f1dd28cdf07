import { and, asc, eq, gt, inArray, isNull, lt, max } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/open'
import { ideas, liveEvents, sessions, users } from '../db/schema'

export type LiveEvent = typeof liveEvents.$inferSelect

/** Written in the same transaction as the change, so a rolled-back change sends nothing. */
export async function emitIdeaEvent(
  db: DbOrTx,
  kind: 'votes' | 'comments',
  ideaId: number,
  value: number,
  now: number,
): Promise<void> {
  await db.insert(liveEvents).values({ kind, ideaId, value, createdAt: now })
}

export async function eventsAfter(db: Db, afterId: number, limit: number): Promise<LiveEvent[]> {
  return await db.select().from(liveEvents).where(gt(liveEvents.id, afterId)).orderBy(asc(liveEvents.id)).limit(limit)
}

export async function lastEventId(db: Db): Promise<number> {
  return (await db.select({ id: max(liveEvents.id) }).from(liveEvents))[0]?.id ?? 0
}

/** Browsers reconnect within seconds; an hour of history is plenty. */
export async function pruneLiveEvents(db: Db, now: number): Promise<void> {
  await db.delete(liveEvents).where(lt(liveEvents.createdAt, now - 3_600_000))
}

/** True when the idea exists and is not hidden: the ideas GET /api/ideas/{id} shows. */
export async function ideaIsVisible(db: Db, ideaId: number): Promise<boolean> {
  return (
    (
      await db
        .select({ id: ideas.id })
        .from(ideas)
        .where(and(eq(ideas.id, ideaId), eq(ideas.hidden, 0)))
        .limit(1)
    )[0] !== undefined
  )
}

// Well below any engine's limit on parameters in one statement.
const IDS_PER_QUERY = 500

async function inChunks<T>(ids: number[], read: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const found: T[] = []
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) found.push(...(await read(ids.slice(i, i + IDS_PER_QUERY))))
  return found
}

/** Which of these ideas are hidden now (a moderator, or their author's block). */
export async function hiddenIdeas(db: Db, ideaIds: number[]): Promise<Set<number>> {
  const rows = await inChunks(
    ideaIds,
    async (chunk) =>
      await db
        .select({ id: ideas.id })
        .from(ideas)
        .where(and(inArray(ideas.id, chunk), eq(ideas.hidden, 1))),
  )
  return new Set(rows.map((r) => r.id))
}

/**
 * Which of these sessions still stand. Logout, a block, a role change and account deletion
 * delete the session rows (in whichever process they happen); a block or deletion is also
 * checked on the user, as every request's session lookup does.
 */
export async function standingSessions(db: Db, sessionIds: number[]): Promise<Set<number>> {
  const rows = await inChunks(
    sessionIds,
    async (chunk) =>
      await db
        .select({ id: sessions.id })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(inArray(sessions.id, chunk), isNull(users.blockedAt), isNull(users.deletedAt))),
  )
  return new Set(rows.map((r) => r.id))
}
