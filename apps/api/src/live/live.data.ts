import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/open'
import { ideas, liveEvents, sessions, users } from '../db/schema'

export type LiveEvent = typeof liveEvents.$inferSelect

/** Written in the same transaction as the change, so a rolled-back change sends nothing. */
export function emitIdeaEvent(
  db: DbOrTx,
  kind: 'votes' | 'comments',
  ideaId: number,
  value: number,
  now: number,
): void {
  db.insert(liveEvents).values({ kind, ideaId, value, createdAt: now }).run()
}

export function eventsAfter(db: Db, afterId: number, limit: number): LiveEvent[] {
  return db.select().from(liveEvents).where(gt(liveEvents.id, afterId)).orderBy(asc(liveEvents.id)).limit(limit).all()
}

export function lastEventId(db: Db): number {
  return db.get<{ id: number | null }>(sql`select max(id) as id from live_events`)?.id ?? 0
}

/** Browsers reconnect within seconds; an hour of history is plenty. */
export function pruneLiveEvents(db: Db, now: number): void {
  db.delete(liveEvents)
    .where(lt(liveEvents.createdAt, now - 3_600_000))
    .run()
}

/** True when the idea exists and is not hidden: the ideas GET /api/ideas/{id} shows. */
export function ideaIsVisible(db: Db, ideaId: number): boolean {
  return (
    db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.id, ideaId), eq(ideas.hidden, 0)))
      .get() !== undefined
  )
}

// Well below any engine's limit on parameters in one statement.
const IDS_PER_QUERY = 500

function inChunks<T>(ids: number[], read: (chunk: number[]) => T[]): T[] {
  const found: T[] = []
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) found.push(...read(ids.slice(i, i + IDS_PER_QUERY)))
  return found
}

/** Which of these ideas are hidden now (a moderator, or their author's block). */
export function hiddenIdeas(db: Db, ideaIds: number[]): Set<number> {
  const rows = inChunks(ideaIds, (chunk) =>
    db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(inArray(ideas.id, chunk), eq(ideas.hidden, 1)))
      .all(),
  )
  return new Set(rows.map((r) => r.id))
}

/**
 * Which of these sessions still stand. Logout, a block, a role change and account deletion
 * delete the session rows (in whichever process they happen); a block or deletion is also
 * checked on the user, as every request's session lookup does.
 */
export function standingSessions(db: Db, sessionIds: number[]): Set<number> {
  const rows = inChunks(sessionIds, (chunk) =>
    db
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(inArray(sessions.id, chunk), isNull(users.blockedAt), isNull(users.deletedAt)))
      .all(),
  )
  return new Set(rows.map((r) => r.id))
}
