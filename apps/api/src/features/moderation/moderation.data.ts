import { type HiddenReason, REPORTS_TO_HIDE, type ReportReason } from '@meedenken/shared'
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { recordAudit } from '../../audit/audit.data'
import type { Db, DbOrTx } from '../../db/open'
import { auditLog, comments, ideas, reports, sessions, users } from '../../db/schema'
import { hotScoreSql } from '../../domain/hot-score'

export type Subject = { type: 'idea' | 'comment'; id: number }

function subjectExists(tx: DbOrTx, subject: Subject): boolean {
  const table = subject.type === 'idea' ? ideas : comments
  return tx.select({ id: table.id }).from(table).where(eq(table.id, subject.id)).get() !== undefined
}

/**
 * Hides or shows an idea or comment. A comment's visibility changes its idea's comment
 * count, so counts keep meaning "comments people can read".
 */
export function setHidden(tx: DbOrTx, subject: Subject, hidden: boolean, reason: HiddenReason | null): boolean {
  if (subject.type === 'idea') {
    return (
      tx
        .update(ideas)
        .set({ hidden: hidden ? 1 : 0, hiddenReason: hidden ? reason : null })
        .where(and(eq(ideas.id, subject.id), eq(ideas.hidden, hidden ? 0 : 1)))
        .run().changes === 1
    )
  }
  const row = tx
    .update(comments)
    .set({ hidden: hidden ? 1 : 0, hiddenReason: hidden ? reason : null })
    .where(and(eq(comments.id, subject.id), eq(comments.hidden, hidden ? 0 : 1)))
    .returning({ ideaId: comments.ideaId, deletedAt: comments.deletedAt })
    .get()
  if (!row) return false
  if (row.deletedAt === null) {
    const delta = hidden ? -1 : 1
    tx.update(ideas)
      .set({
        commentCount: sql`${ideas.commentCount} + ${delta}`,
        hotScore: hotScoreSql(ideas.voteCount, sql`${ideas.commentCount} + ${delta}`, ideas.createdAt),
      })
      .where(eq(ideas.id, row.ideaId))
      .run()
  }
  return true
}

export type ReportResult = { ok: true; hidden: boolean } | { ok: false; reason: 'not_found' }

/**
 * Records a report. One per person per subject (a second report by the same person changes
 * nothing); when three distinct people have open reports, the subject is hidden pending review.
 */
export function report(
  db: Db,
  input: { subject: Subject; reporterId: number; reason: ReportReason; note: string | null },
  now: number,
): ReportResult {
  return db.transaction(
    (tx) => {
      if (!subjectExists(tx, input.subject)) return { ok: false, reason: 'not_found' } as const
      tx.insert(reports)
        .values({
          subjectType: input.subject.type,
          subjectId: input.subject.id,
          reporterId: input.reporterId,
          reason: input.reason,
          note: input.note,
          createdAt: now,
        })
        .onConflictDoNothing()
        .run()
      const open =
        tx
          .select({ n: sql<number>`count(distinct ${reports.reporterId})` })
          .from(reports)
          .where(
            and(
              eq(reports.subjectType, input.subject.type),
              eq(reports.subjectId, input.subject.id),
              isNull(reports.resolvedAt),
            ),
          )
          .get()?.n ?? 0
      const hidden = open >= REPORTS_TO_HIDE && setHidden(tx, input.subject, true, 'reports')
      return { ok: true, hidden } as const
    },
    { behavior: 'immediate' },
  )
}

/** Everything with an open report, oldest first, with the text staff need to judge it. */
export function moderationQueue(db: Db) {
  const open = db
    .select()
    .from(reports)
    .where(isNull(reports.resolvedAt))
    .orderBy(asc(reports.createdAt))
    .limit(500)
    .all()
  const keys = [...new Map(open.map((r) => [`${r.subjectType}:${r.subjectId}`, r])).values()]
  const ideaIds = keys.filter((k) => k.subjectType === 'idea').map((k) => k.subjectId)
  const commentIds = keys.filter((k) => k.subjectType === 'comment').map((k) => k.subjectId)
  const ideaRows = ideaIds.length
    ? db
        .select({
          id: ideas.id,
          title: ideas.title,
          body: ideas.body,
          hidden: ideas.hidden,
          authorId: users.id,
          authorName: users.displayName,
          authorBlockedAt: users.blockedAt,
        })
        .from(ideas)
        .innerJoin(users, eq(users.id, ideas.authorId))
        .where(inArray(ideas.id, ideaIds))
        .all()
    : []
  const commentRows = commentIds.length
    ? db
        .select({
          id: comments.id,
          ideaId: comments.ideaId,
          body: comments.body,
          hidden: comments.hidden,
          title: ideas.title,
          authorId: users.id,
          authorName: users.displayName,
          authorBlockedAt: users.blockedAt,
        })
        .from(comments)
        .innerJoin(ideas, eq(ideas.id, comments.ideaId))
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(inArray(comments.id, commentIds))
        .all()
    : []
  return keys.flatMap((k) => {
    const reportsOf = open
      .filter((r) => r.subjectType === k.subjectType && r.subjectId === k.subjectId)
      .map((r) => ({ reason: r.reason, note: r.note, createdAt: new Date(r.createdAt).toISOString() }))
    const base = {
      subjectType: k.subjectType,
      subjectId: k.subjectId,
      reports: reportsOf,
      firstReportedAt: new Date(k.createdAt).toISOString(),
    }
    if (k.subjectType === 'idea') {
      const i = ideaRows.find((r) => r.id === k.subjectId)
      return i
        ? [
            {
              ...base,
              ideaId: i.id,
              title: i.title,
              text: i.body,
              authorId: i.authorId,
              authorName: i.authorName,
              authorBlocked: i.authorBlockedAt !== null,
              hidden: i.hidden === 1,
            },
          ]
        : []
    }
    const cm = commentRows.find((r) => r.id === k.subjectId)
    return cm
      ? [
          {
            ...base,
            ideaId: cm.ideaId,
            title: cm.title,
            text: cm.body,
            authorId: cm.authorId,
            authorName: cm.authorName,
            authorBlocked: cm.authorBlockedAt !== null,
            hidden: cm.hidden === 1,
          },
        ]
      : []
  })
}

/** A moderator's decision: hide or restore, with a reason; open reports are closed with it. */
export function moderate(
  db: Db,
  input: { subject: Subject; action: 'hide' | 'restore'; reason: string; actorId: number },
  now: number,
): boolean {
  return db.transaction(
    (tx) => {
      if (!subjectExists(tx, input.subject)) return false
      setHidden(tx, input.subject, input.action === 'hide', 'moderator')
      tx.update(reports)
        .set({
          resolvedAt: now,
          resolution: input.action === 'hide' ? 'hidden' : 'restored',
          resolverId: input.actorId,
        })
        .where(
          and(
            eq(reports.subjectType, input.subject.type),
            eq(reports.subjectId, input.subject.id),
            isNull(reports.resolvedAt),
          ),
        )
        .run()
      recordAudit(
        tx,
        {
          actorId: input.actorId,
          action: input.action === 'hide' ? `${input.subject.type}.hidden` : `${input.subject.type}.restored`,
          subjectType: input.subject.type,
          subjectId: input.subject.id,
          details: { reason: input.reason },
        },
        now,
      )
      return true
    },
    { behavior: 'immediate' },
  )
}

export type BlockResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_a_member' }

/**
 * Blocks a member: their sessions end and everything they wrote disappears from public
 * view (and comes back when unblocked, unless a moderator hid it for its own sake).
 */
export function setBlocked(
  db: Db,
  input: { userId: number; blocked: boolean; reason: string; actorId: number },
  now: number,
): BlockResult {
  return db.transaction(
    (tx) => {
      const user = tx
        .select({ role: users.role, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, input.userId))
        .get()
      if (!user || user.deletedAt !== null) return { ok: false, reason: 'not_found' } as const
      if (user.role !== 'member') return { ok: false, reason: 'not_a_member' } as const
      tx.update(users)
        .set({ blockedAt: input.blocked ? now : null, updatedAt: now })
        .where(eq(users.id, input.userId))
        .run()
      if (input.blocked) tx.delete(sessions).where(eq(sessions.userId, input.userId)).run()
      const ideaIds = tx
        .select({ id: ideas.id })
        .from(ideas)
        .where(
          and(
            eq(ideas.authorId, input.userId),
            input.blocked ? eq(ideas.hidden, 0) : eq(ideas.hiddenReason, 'blocked'),
          ),
        )
        .all()
      for (const { id } of ideaIds) setHidden(tx, { type: 'idea', id }, input.blocked, 'blocked')
      const commentIds = tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            eq(comments.authorId, input.userId),
            input.blocked ? eq(comments.hidden, 0) : eq(comments.hiddenReason, 'blocked'),
          ),
        )
        .all()
      for (const { id } of commentIds) setHidden(tx, { type: 'comment', id }, input.blocked, 'blocked')
      recordAudit(
        tx,
        {
          actorId: input.actorId,
          action: input.blocked ? 'user.blocked' : 'user.unblocked',
          subjectType: 'user',
          subjectId: input.userId,
          details: { reason: input.reason, ideas: ideaIds.length, comments: commentIds.length },
        },
        now,
      )
      return { ok: true } as const
    },
    { behavior: 'immediate' },
  )
}

export type BlockedCursor = { value: number; id: number }

const blocker = alias(users, 'blocker')

/**
 * Members who are blocked now, newest block first, with who blocked them and why. Both come
 * from the audit entry written in the same transaction as the block, so it carries the same
 * time: looked up through the audit log's time index, not by scanning the log.
 */
export function blockedMembers(db: Db, cursor: BlockedCursor | null, limit: number) {
  const blockEntry = sql`(select a.id from ${auditLog} a where a.created_at = ${users.blockedAt}
    and a.action = 'user.blocked' and a.subject_type = 'user' and a.subject_id = ${users.id}
    order by a.id desc limit 1)`
  const conditions: SQL[] = [isNotNull(users.blockedAt), isNull(users.deletedAt)]
  if (cursor) conditions.push(sql`(${users.blockedAt}, ${users.id}) < (${cursor.value}, ${cursor.id})`)
  const rows = db
    .select({
      id: users.id,
      displayName: users.displayName,
      blockedAt: users.blockedAt,
      blockedById: blocker.id,
      blockedByName: blocker.displayName,
      details: auditLog.details,
    })
    .from(users)
    .leftJoin(auditLog, eq(auditLog.id, blockEntry))
    .leftJoin(blocker, eq(blocker.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(users.blockedAt), desc(users.id))
    .limit(limit + 1)
    .all()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      blockedAt: new Date(r.blockedAt ?? 0).toISOString(),
      blockedById: r.blockedById,
      blockedByName: r.blockedByName,
      reason: typeof r.details?.reason === 'string' ? r.details.reason : null,
    })),
    next: rows.length > limit && last ? { value: last.blockedAt ?? 0, id: last.id } : null,
  }
}
