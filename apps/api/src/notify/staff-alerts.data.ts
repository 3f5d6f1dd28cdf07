import { and, asc, eq, gte, isNull, lt, lte, ne, notExists, sql } from 'drizzle-orm'
import { installationSettings } from '../config/installation.data'
import type { Db, DbOrTx } from '../db/open'
import { updateStatusSql } from '../db/queue-sql'
import { ideas, staffAlerts } from '../db/schema'
import { overdueCutoff } from '../domain/working-days'
import { notifyStaffOfIdea } from './staff-notify.data'

const DAY = 86_400_000
/**
 * How far back the job looks. A new idea is announced within two days (a server that was
 * down over a weekend still announces Friday's ideas); an idea that turned overdue or stale
 * within a week. Older ones were never announced (the first run on an existing database)
 * and stay in the staff inbox's tabs without a reminder: no flood of old news.
 */
const NEW_WINDOW = 2 * DAY
const LATE_WINDOW = 7 * DAY
const BATCH = 200

/** Word for word as in the partial index ideas_stale_queue (db/queue-sql.ts), so SQLite uses it. */
const stillUpdating = sql.raw(updateStatusSql('"ideas"."status"'))

export type StaffAlertKind = (typeof staffAlerts.$inferSelect)['kind']
export type StaffAlert = { ideaId: number; kind: StaffAlertKind; since: number }

const KIND_OF = { new_idea: 'new_idea', overdue: 'idea_overdue', stale: 'idea_stale' } as const

function alerted(kind: StaffAlertKind, since: ReturnType<typeof sql> | number) {
  return (db: DbOrTx) =>
    db
      .select({ one: sql`1` })
      .from(staffAlerts)
      .where(and(eq(staffAlerts.ideaId, ideas.id), eq(staffAlerts.kind, kind), eq(staffAlerts.since, since)))
}

/** What is due now and has not been told: each condition the same as the staff inbox's tab. */
export async function dueStaffAlerts(db: DbOrTx, now: number, limit = BATCH): Promise<StaffAlert[]> {
  const config = await installationSettings(db)
  const fresh = await db
    .select({ ideaId: ideas.id })
    .from(ideas)
    .where(
      and(
        eq(ideas.hidden, 0),
        gte(ideas.createdAt, now - NEW_WINDOW),
        lte(ideas.createdAt, now),
        ne(ideas.status, 'merged'),
        notExists(alerted('new_idea', 0)(db)),
      ),
    )
    .orderBy(asc(ideas.createdAt))
    .limit(limit)

  const overdue = await db
    .select({ ideaId: ideas.id })
    .from(ideas)
    .where(
      and(
        eq(ideas.hidden, 0),
        isNull(ideas.firstResponseAt),
        gte(ideas.createdAt, overdueCutoff(now - LATE_WINDOW, config.responseNormDays)),
        lt(ideas.createdAt, overdueCutoff(now, config.responseNormDays)),
        ne(ideas.status, 'merged'),
        notExists(alerted('overdue', 0)(db)),
      ),
    )
    .orderBy(asc(ideas.createdAt))
    .limit(limit)

  const staleCutoff = now - config.staleAfterDays * DAY
  const stale = await db
    .select({ ideaId: ideas.id, since: sql<number>`${ideas.lastPublicUpdateAt}` })
    .from(ideas)
    .where(
      and(
        stillUpdating,
        gte(ideas.lastPublicUpdateAt, staleCutoff - LATE_WINDOW),
        lt(ideas.lastPublicUpdateAt, staleCutoff),
        eq(ideas.hidden, 0),
        notExists(alerted('stale', sql`${ideas.lastPublicUpdateAt}`)(db)),
      ),
    )
    .orderBy(asc(ideas.lastPublicUpdateAt))
    .limit(limit)

  return [
    ...fresh.map((r) => ({ ideaId: r.ideaId, kind: 'new_idea' as const, since: 0 })),
    ...overdue.map((r) => ({ ideaId: r.ideaId, kind: 'overdue' as const, since: 0 })),
    ...stale.map((r) => ({ ideaId: r.ideaId, kind: 'stale' as const, since: r.since })),
  ]
}

/**
 * Tells staff once. The row in staff_alerts is the claim: of several processes that found the
 * same work, one inserts it and notifies in the same transaction; the others insert nothing
 * and tell nobody. The idea is read again inside the transaction, so news that came in after
 * the work was found (an answer, an update) stops a reminder that no longer holds.
 */
export async function raiseStaffAlert(db: Db, alert: StaffAlert, now: number): Promise<number> {
  return await db.transaction(
    async (tx) => {
      const stillDue = await dueFor(tx, alert, now)
      if (!stillDue) return 0
      const claimed = await tx
        .insert(staffAlerts)
        .values({ ideaId: alert.ideaId, kind: alert.kind, since: alert.since, createdAt: now })
        .onConflictDoNothing()
        .returning({ ideaId: staffAlerts.ideaId })
      if (claimed.length !== 1) return 0
      // The author of a new idea knows it is there (staff may send in ideas too).
      const except = alert.kind === 'new_idea' ? stillDue.authorId : null
      return await notifyStaffOfIdea(tx, { ideaId: alert.ideaId, kind: KIND_OF[alert.kind], exceptUserId: except }, now)
    },
    { behavior: 'immediate' },
  )
}

async function dueFor(tx: DbOrTx, alert: StaffAlert, now: number): Promise<{ authorId: number } | null> {
  const [idea] = await tx
    .select({
      authorId: ideas.authorId,
      hidden: ideas.hidden,
      status: ideas.status,
      createdAt: ideas.createdAt,
      firstResponseAt: ideas.firstResponseAt,
      lastPublicUpdateAt: ideas.lastPublicUpdateAt,
    })
    .from(ideas)
    .where(eq(ideas.id, alert.ideaId))
    .limit(1)
  if (!idea || idea.hidden === 1 || idea.status === 'merged') return null
  const config = await installationSettings(tx)
  switch (alert.kind) {
    case 'new_idea':
      return idea
    case 'overdue':
      return idea.firstResponseAt === null && idea.createdAt < overdueCutoff(now, config.responseNormDays) ? idea : null
    case 'stale':
      return (idea.status === 'planned' || idea.status === 'in_progress') &&
        idea.lastPublicUpdateAt === alert.since &&
        idea.lastPublicUpdateAt < now - config.staleAfterDays * DAY
        ? idea
        : null
  }
}

/**
 * An idea staff entered themselves (intake) is announced at once, to the others: the job
 * finds it already told.
 */
export async function announceNewIdea(db: DbOrTx, ideaId: number, exceptUserId: number, now: number): Promise<number> {
  const claimed = await db
    .insert(staffAlerts)
    .values({ ideaId, kind: 'new_idea', since: 0, createdAt: now })
    .onConflictDoNothing()
    .returning({ ideaId: staffAlerts.ideaId })
  if (claimed.length !== 1) return 0
  return await notifyStaffOfIdea(db, { ideaId, kind: 'new_idea', exceptUserId }, now)
}

/** The scheduled job: new ideas, ideas that turned overdue, ideas that went stale. */
export async function runStaffAlerts(db: Db, now: number): Promise<number> {
  let told = 0
  for (const alert of await dueStaffAlerts(db, now)) told += await raiseStaffAlert(db, alert, now)
  return told
}
