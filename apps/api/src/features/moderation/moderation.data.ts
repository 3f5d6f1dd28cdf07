import {
  type HiddenReason,
  type LightReportReason,
  type ModerationItem,
  NEW_ACCOUNT_MS,
  REPORT_WEIGHT,
  REPORT_WEIGHT_TO_HIDE,
  type ReportReason,
  type ReportsCannotHide,
} from '@meedenken/shared'
import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, lt, min, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { recordAudit } from '../../audit/audit.data'
import type { Db, DbOrTx } from '../../db/open'
import { auditLog, comments, ideas, photoFiles, photos, reports, sessions, users, votes } from '../../db/schema'
import { hotScoreAdding } from '../../domain/hot-score'
import { notifyNewReport } from '../../notify/staff-notify.data'
import { recountHotScore } from '../ideas/hot-score.data'
import { photoUrl } from '../photos/photos.data'

export type Subject = { type: 'idea' | 'comment' | 'photo'; id: number }

function tableOf(type: Subject['type']) {
  return type === 'idea' ? ideas : type === 'photo' ? photos : comments
}

async function subjectExists(tx: DbOrTx, subject: Subject): Promise<boolean> {
  const table = tableOf(subject.type)
  return (await tx.select({ id: table.id }).from(table).where(eq(table.id, subject.id)).limit(1))[0] !== undefined
}

/**
 * Hides or shows an idea or comment. A comment's visibility changes its idea's comment
 * count, so counts keep meaning "comments people can read".
 */
export async function setHidden(
  tx: DbOrTx,
  subject: Subject,
  hidden: boolean,
  reason: HiddenReason | null,
): Promise<boolean> {
  if (subject.type === 'idea') {
    const changed = await tx
      .update(ideas)
      .set({ hidden: hidden ? 1 : 0, hiddenReason: hidden ? reason : null })
      .where(and(eq(ideas.id, subject.id), eq(ideas.hidden, hidden ? 0 : 1)))
      .returning({ id: ideas.id })
    return changed.length === 1
  }
  if (subject.type === 'photo') {
    // A hidden photo is left out of its idea's page and its files are no longer served.
    const changed = await tx
      .update(photos)
      .set({ hidden: hidden ? 1 : 0, hiddenReason: hidden ? reason : null })
      .where(and(eq(photos.id, subject.id), eq(photos.hidden, hidden ? 0 : 1)))
      .returning({ id: photos.id })
    return changed.length === 1
  }
  const [row] = await tx
    .update(comments)
    .set({ hidden: hidden ? 1 : 0, hiddenReason: hidden ? reason : null })
    .where(and(eq(comments.id, subject.id), eq(comments.hidden, hidden ? 0 : 1)))
    .returning({ ideaId: comments.ideaId, deletedAt: comments.deletedAt, createdAt: comments.createdAt })

  if (!row) return false
  if (row.deletedAt === null) {
    const delta = hidden ? -1 : 1
    // A restored comment's term comes back into the hot score; a hidden one's leaves it
    // (counted afresh: taking a term out would lose the small ones to rounding).
    await tx
      .update(ideas)
      .set({
        commentCount: sql`${ideas.commentCount} + ${delta}`,
        ...(hidden ? {} : { hotScore: hotScoreAdding(ideas.hotScore, row.createdAt, ideas.status) }),
      })
      .where(eq(ideas.id, row.ideaId))

    if (hidden) await recountHotScore(tx, row.ideaId)
  }
  return true
}

/**
 * Each open report with what decides its weight, as it was when the report was made: how
 * old the account was, whether it had an idea, comment or vote of its own before, and
 * whether a moderator had overruled one of its reports before. (The activity lookups use
 * the indexes on the author or voter: ideas_author, comments_author, votes_user.)
 */
async function openReports(tx: DbOrTx, where: SQL | undefined) {
  const before = (table: typeof ideas | typeof comments, author: typeof ideas.authorId | typeof comments.authorId) =>
    exists(
      tx
        .select({ one: sql`1` })
        .from(table)
        .where(and(eq(author, reports.reporterId), lt(table.createdAt, reports.createdAt))),
    )
  const voted = exists(
    tx
      .select({ one: sql`1` })
      .from(votes)
      .where(and(eq(votes.userId, reports.reporterId), lt(votes.createdAt, reports.createdAt))),
  )
  const rows = await tx
    .select({
      subjectType: reports.subjectType,
      subjectId: reports.subjectId,
      reporterId: reports.reporterId,
      reason: reports.reason,
      note: reports.note,
      createdAt: reports.createdAt,
      joinedAt: users.createdAt,
      active: sql<boolean>`${or(before(ideas, ideas.authorId), before(comments, comments.authorId), voted)}`.mapWith(
        Boolean,
      ),
    })
    .from(reports)
    .innerJoin(users, eq(users.id, reports.reporterId))
    .where(and(isNull(reports.resolvedAt), where))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .limit(500)

  const overruled = await firstOverruled(tx, [...new Set(rows.map((r) => r.reporterId))])
  return rows.map((r) => ({ ...r, overruledAt: overruled.get(r.reporterId) ?? null }))
}

/** When a moderator first overruled a report of each of these people (kept it visible). */
async function firstOverruled(tx: DbOrTx, reporterIds: number[]): Promise<Map<number, number>> {
  if (reporterIds.length === 0) return new Map()
  return new Map(
    (
      await tx
        .select({ reporterId: reports.reporterId, at: min(reports.resolvedAt) })
        .from(reports)
        .where(and(inArray(reports.reporterId, reporterIds), eq(reports.resolution, 'restored')))
        .groupBy(reports.reporterId)
    ).map((r) => [r.reporterId, r.at ?? 0] as const),
  )
}

type OpenReport = Awaited<ReturnType<typeof openReports>>[number]

/**
 * A report counts in full, or for a third when anyone could have made it in a minute: the
 * account was under a day old, had done nothing of its own before, or had a report
 * overruled by a moderator before.
 */
function weigh(report: OpenReport): { weight: keyof typeof REPORT_WEIGHT; countsLessBecause: LightReportReason[] } {
  const because: LightReportReason[] = []
  if (report.createdAt - report.joinedAt < NEW_ACCOUNT_MS) because.push('new_account')
  if (!report.active) because.push('no_activity')
  if (report.overruledAt !== null && report.overruledAt < report.createdAt) because.push('overruled')
  return { weight: because.length > 0 ? 'light' : 'full', countsLessBecause: because }
}

function ofSubject(subject: Subject): SQL {
  return and(eq(reports.subjectType, subject.type), eq(reports.subjectId, subject.id)) as SQL
}

/** Subjects a moderator kept visible after reports: reports no longer hide them. */
async function restoredBefore(tx: DbOrTx, type: Subject['type'], ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  return new Set(
    (
      await tx
        .selectDistinct({ id: reports.subjectId })
        .from(reports)
        .where(and(eq(reports.subjectType, type), inArray(reports.subjectId, ids), eq(reports.resolution, 'restored')))
    ).map((r) => r.id),
  )
}

function byStaff(role: string, official = 0): boolean {
  return role !== 'member' || official === 1
}

/** What a member can report: an idea, or a comment its author has not deleted. */
async function reportable(tx: DbOrTx, subject: Subject): Promise<{ hidden: boolean; byStaff: boolean } | null> {
  if (subject.type === 'idea') {
    const [row] = await tx
      .select({ hidden: ideas.hidden, role: users.role })
      .from(ideas)
      .innerJoin(users, eq(users.id, ideas.authorId))
      .where(eq(ideas.id, subject.id))
      .limit(1)
    return row ? { hidden: row.hidden === 1, byStaff: byStaff(row.role) } : null
  }
  if (subject.type === 'photo') {
    // Uploaded by staff (at intake), it counts as staff's: reports then only go to the queue.
    const [row] = await tx
      .select({ hidden: photos.hidden, role: users.role })
      .from(photos)
      .leftJoin(users, eq(users.id, photos.uploaderId))
      .where(eq(photos.id, subject.id))
      .limit(1)
    return row ? { hidden: row.hidden === 1, byStaff: byStaff(row.role ?? 'member') } : null
  }
  const [row] = await tx
    .select({ hidden: comments.hidden, deletedAt: comments.deletedAt, official: comments.official, role: users.role })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.id, subject.id))
    .limit(1)
  if (!row || row.deletedAt !== null) return null
  return { hidden: row.hidden === 1, byStaff: byStaff(row.role, row.official) }
}

export type ReportResult = { ok: true; hidden: boolean } | { ok: false; reason: 'not_found' }

/**
 * Records a report. One per person per subject (a second report by the same person changes
 * nothing). When the open reports weigh as much as three by established members, the
 * subject is hidden pending review, unless staff wrote it or a moderator kept it visible
 * before: then the reports only go to the queue.
 */
export async function report(
  db: Db,
  input: { subject: Subject; reporterId: number; reason: ReportReason; note: string | null },
  now: number,
): Promise<ReportResult> {
  return await db.transaction(
    async (tx) => {
      const subject = await reportable(tx, input.subject)
      if (!subject) return { ok: false, reason: 'not_found' } as const
      await tx
        .insert(reports)
        .values({
          subjectType: input.subject.type,
          subjectId: input.subject.id,
          reporterId: input.reporterId,
          reason: input.reason,
          note: input.note,
          createdAt: now,
        })
        .onConflictDoNothing()

      // The staff who work on the idea hear of it once, when it enters the moderation queue.
      await notifyNewReport(tx, input.subject, input.reporterId, now)
      if (subject.hidden || subject.byStaff) return { ok: true, hidden: subject.hidden } as const
      if ((await restoredBefore(tx, input.subject.type, [input.subject.id])).size > 0)
        return { ok: true, hidden: false } as const
      const weight = (await openReports(tx, ofSubject(input.subject))).reduce(
        (sum, r) => sum + REPORT_WEIGHT[weigh(r).weight],
        0,
      )
      const hidden = weight >= REPORT_WEIGHT_TO_HIDE && (await setHidden(tx, input.subject, true, 'reports'))
      return { ok: true, hidden } as const
    },
    { behavior: 'immediate' },
  )
}

/**
 * For erasing an account: its reports go with it. What they hid pending review shows again
 * when the reports left weigh too little to hide it, and a comment its author deleted while
 * reported loses its words once no report waits on it. (Else three accounts could hide
 * something and erase themselves: hidden for good, and gone from the moderation queue.)
 */
export async function forgetReports(tx: DbOrTx, reporterId: number): Promise<void> {
  const open = await tx
    .select({ type: reports.subjectType, id: reports.subjectId })
    .from(reports)
    .where(and(eq(reports.reporterId, reporterId), isNull(reports.resolvedAt)))

  await tx.delete(reports).where(eq(reports.reporterId, reporterId))
  for (const subject of open) {
    const left = await openReports(tx, ofSubject(subject))
    const weight = left.reduce((sum, r) => sum + REPORT_WEIGHT[weigh(r).weight], 0)
    const table = tableOf(subject.type)
    const [byReports] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, subject.id), eq(table.hidden, 1), eq(table.hiddenReason, 'reports')))
      .limit(1)
    if (byReports && weight < REPORT_WEIGHT_TO_HIDE) await setHidden(tx, subject, false, null)
    if (subject.type === 'comment' && left.length === 0) {
      await tx
        .update(comments)
        .set({ body: '', bodyHtml: '' })
        .where(and(eq(comments.id, subject.id), isNotNull(comments.deletedAt)))
    }
  }
}

/**
 * Everything with an open report, with the text staff need to judge it (also when hidden, or
 * deleted by its author after the report), each report's weight and why. What the public
 * cannot see comes first, then the oldest report first.
 */
export async function moderationQueue(db: Db) {
  const open = await openReports(db, undefined)
  const keys = [...new Map(open.map((r) => [`${r.subjectType}:${r.subjectId}`, r])).values()]
  const ideaIds = keys.filter((k) => k.subjectType === 'idea').map((k) => k.subjectId)
  const commentIds = keys.filter((k) => k.subjectType === 'comment').map((k) => k.subjectId)
  const ideaRows = ideaIds.length
    ? await db
        .select({
          id: ideas.id,
          title: ideas.title,
          body: ideas.body,
          hidden: ideas.hidden,
          hiddenReason: ideas.hiddenReason,
          authorId: users.id,
          authorName: users.displayName,
          authorRole: users.role,
          authorBlockedAt: users.blockedAt,
        })
        .from(ideas)
        .innerJoin(users, eq(users.id, ideas.authorId))
        .where(inArray(ideas.id, ideaIds))
    : []
  const commentRows = commentIds.length
    ? await db
        .select({
          id: comments.id,
          ideaId: comments.ideaId,
          body: comments.body,
          hidden: comments.hidden,
          hiddenReason: comments.hiddenReason,
          deletedAt: comments.deletedAt,
          official: comments.official,
          title: ideas.title,
          authorId: users.id,
          authorName: users.displayName,
          authorRole: users.role,
          authorBlockedAt: users.blockedAt,
        })
        .from(comments)
        .innerJoin(ideas, eq(ideas.id, comments.ideaId))
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(inArray(comments.id, commentIds))
    : []
  const photoIds = keys.filter((k) => k.subjectType === 'photo').map((k) => k.subjectId)
  const photoRows = photoIds.length
    ? await db
        .select({
          id: photos.id,
          ideaId: photos.ideaId,
          altText: photos.altText,
          hidden: photos.hidden,
          hiddenReason: photos.hiddenReason,
          title: ideas.title,
          authorId: users.id,
          authorName: users.displayName,
          authorRole: users.role,
          authorBlockedAt: users.blockedAt,
        })
        .from(photos)
        .innerJoin(ideas, eq(ideas.id, photos.ideaId))
        .leftJoin(users, eq(users.id, photos.uploaderId))
        .where(inArray(photos.id, photoIds))
    : []
  // Each reported photo's smallest WebP, for staff to look at (served to them even when hidden).
  const smallest = new Map<number, string>()
  if (photoIds.length > 0) {
    const files = await db
      .select({ photoId: photoFiles.photoId, key: photoFiles.key })
      .from(photoFiles)
      .where(and(inArray(photoFiles.photoId, photoIds), eq(photoFiles.format, 'webp')))
      .orderBy(asc(photoFiles.photoId), desc(photoFiles.width))
    for (const f of files) smallest.set(f.photoId, f.key)
  }
  const restored = {
    idea: await restoredBefore(db, 'idea', ideaIds),
    comment: await restoredBefore(db, 'comment', commentIds),
    photo: await restoredBefore(db, 'photo', photoIds),
  }
  const items = keys.flatMap((k): ModerationItem[] => {
    const base = {
      subjectType: k.subjectType,
      subjectId: k.subjectId,
      reports: open
        .filter((r) => r.subjectType === k.subjectType && r.subjectId === k.subjectId)
        .map((r) => ({ reason: r.reason, note: r.note, createdAt: new Date(r.createdAt).toISOString(), ...weigh(r) })),
      firstReportedAt: new Date(k.createdAt).toISOString(),
    }
    const cannotHide = (staff: boolean): ReportsCannotHide | null =>
      staff ? 'staff' : restored[k.subjectType].has(k.subjectId) ? 'restored' : null
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
              hiddenReason: i.hidden === 1 ? i.hiddenReason : null,
              deleted: false,
              reportsCannotHide: cannotHide(byStaff(i.authorRole)),
            },
          ]
        : []
    }
    if (k.subjectType === 'photo') {
      const ph = photoRows.find((r) => r.id === k.subjectId)
      return ph
        ? [
            {
              ...base,
              ideaId: ph.ideaId,
              title: ph.title,
              text: ph.altText,
              photoUrl: smallest.has(ph.id) ? photoUrl(smallest.get(ph.id) as string) : null,
              authorId: ph.authorId,
              authorName: ph.authorName ?? '',
              authorBlocked: ph.authorBlockedAt !== null,
              hidden: ph.hidden === 1,
              hiddenReason: ph.hidden === 1 ? ph.hiddenReason : null,
              deleted: false,
              reportsCannotHide: cannotHide(byStaff(ph.authorRole ?? 'member')),
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
            hiddenReason: cm.hidden === 1 ? cm.hiddenReason : null,
            deleted: cm.deletedAt !== null,
            reportsCannotHide: cannotHide(byStaff(cm.authorRole, cm.official)),
          },
        ]
      : []
  })
  // Stable: among the hidden and among the visible, the oldest report stays first.
  return items.sort((a, b) => Number(b.hidden) - Number(a.hidden))
}

/** A moderator's decision: hide or restore, with a reason; open reports are closed with it. */
export async function moderate(
  db: Db,
  input: { subject: Subject; action: 'hide' | 'restore'; reason: string; actorId: number },
  now: number,
): Promise<boolean> {
  return await db.transaction(
    async (tx) => {
      if (!(await subjectExists(tx, input.subject))) return false
      await setHidden(tx, input.subject, input.action === 'hide', 'moderator')
      // A comment its author deleted while reported kept its words for this decision only.
      if (input.subject.type === 'comment') {
        await tx
          .update(comments)
          .set({ body: '', bodyHtml: '' })
          .where(and(eq(comments.id, input.subject.id), isNotNull(comments.deletedAt)))
      }
      await tx
        .update(reports)
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

      await recordAudit(
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
export async function setBlocked(
  db: Db,
  input: { userId: number; blocked: boolean; reason: string; actorId: number },
  now: number,
): Promise<BlockResult> {
  return await db.transaction(
    async (tx) => {
      const [user] = await tx
        .select({ role: users.role, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, input.userId))
        .limit(1)
      if (!user || user.deletedAt !== null) return { ok: false, reason: 'not_found' } as const
      if (user.role !== 'member') return { ok: false, reason: 'not_a_member' } as const
      await tx
        .update(users)
        .set({ blockedAt: input.blocked ? now : null, updatedAt: now })
        .where(eq(users.id, input.userId))

      if (input.blocked) await tx.delete(sessions).where(eq(sessions.userId, input.userId))
      const ideaIds = await tx
        .select({ id: ideas.id })
        .from(ideas)
        .where(
          and(
            eq(ideas.authorId, input.userId),
            input.blocked ? eq(ideas.hidden, 0) : eq(ideas.hiddenReason, 'blocked'),
          ),
        )

      for (const { id } of ideaIds) await setHidden(tx, { type: 'idea', id }, input.blocked, 'blocked')
      const commentIds = await tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            eq(comments.authorId, input.userId),
            input.blocked ? eq(comments.hidden, 0) : eq(comments.hiddenReason, 'blocked'),
          ),
        )

      for (const { id } of commentIds) await setHidden(tx, { type: 'comment', id }, input.blocked, 'blocked')
      await recordAudit(
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
export async function blockedMembers(db: Db, cursor: BlockedCursor | null, limit: number) {
  const blockEntry = sql`(select a.id from ${auditLog} a where a.created_at = ${users.blockedAt}
    and a.action = 'user.blocked' and a.subject_type = 'user' and a.subject_id = ${users.id}
    order by a.id desc limit 1)`
  const conditions: SQL[] = [isNotNull(users.blockedAt), isNull(users.deletedAt)]
  if (cursor) conditions.push(sql`(${users.blockedAt}, ${users.id}) < (${cursor.value}, ${cursor.id})`)
  const rows = await db
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
