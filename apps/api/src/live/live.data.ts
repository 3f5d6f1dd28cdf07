import { asc, gt, lt, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/open'
import { liveEvents } from '../db/schema'

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
