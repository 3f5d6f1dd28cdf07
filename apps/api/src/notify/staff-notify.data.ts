import type { NotificationKind, NotificationReason } from '@meedenken/shared'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../db/open'
import { comments, ideas, photos, reports, users } from '../db/schema'
import { notifyEach } from './notify.data'

const STAFF_ROLES = ['staff', 'admin'] as const
const activeStaff = and(inArray(users.role, STAFF_ROLES), isNull(users.deletedAt), isNull(users.blockedAt))

type Recipient = { userId: number; reason: NotificationReason }

/** Staff and admins of a department, as people to tell. */
async function departmentStaff(db: DbOrTx, departmentId: number | null): Promise<number[]> {
  if (departmentId === null) return []
  return (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.departmentId, departmentId), activeStaff))
  ).map((u) => u.id)
}

async function isActiveStaff(db: DbOrTx, userId: number | null): Promise<boolean> {
  if (userId === null) return false
  return (
    (
      await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), activeStaff))
        .limit(1)
    )[0] !== undefined
  )
}

/**
 * Who works on an idea: its assignee and the staff of its department, each once (the
 * assignee as assignee). When nobody does (no department, or one without staff, and no
 * assignee), every member of staff is told: someone must pick it up, and the inbox alone
 * tells nobody.
 */
export async function staffOfIdea(db: DbOrTx, ideaId: number, exceptUserId: number | null): Promise<Recipient[]> {
  const [idea] = await db
    .select({ departmentId: ideas.departmentId, assigneeId: ideas.assigneeId })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  if (!idea) return []
  const recipients = new Map<number, NotificationReason>()
  if ((await isActiveStaff(db, idea.assigneeId)) && idea.assigneeId !== null)
    recipients.set(idea.assigneeId, 'assignee')
  for (const id of await departmentStaff(db, idea.departmentId))
    if (!recipients.has(id)) recipients.set(id, 'department')
  if (recipients.size === 0) {
    for (const u of await db.select({ id: users.id }).from(users).where(activeStaff)) recipients.set(u.id, 'staff')
  }
  if (exceptUserId !== null) recipients.delete(exceptUserId)
  return [...recipients].map(([userId, reason]) => ({ userId, reason }))
}

/** Tells the people who work on an idea (see staffOfIdea) about it. */
export async function notifyStaffOfIdea(
  db: DbOrTx,
  input: { ideaId: number; kind: NotificationKind; exceptUserId: number | null; commentId?: number | null },
  now: number,
): Promise<number> {
  return await notifyEach(
    db,
    await staffOfIdea(db, input.ideaId, input.exceptUserId),
    { kind: input.kind, ideaId: input.ideaId, commentId: input.commentId ?? null },
    now,
  )
}

/**
 * A hand-off: the new assignee hears it, and so does the staff of a new department (not the
 * person who handed it over, who knows).
 */
export async function notifyAssignment(
  db: DbOrTx,
  input: {
    ideaId: number
    actorId: number
    before: { departmentId: number | null; assigneeId: number | null }
    after: { departmentId: number | null; assigneeId: number | null }
  },
  now: number,
): Promise<number> {
  const recipients = new Map<number, NotificationReason>()
  const { before, after } = input
  if (
    after.assigneeId !== null &&
    after.assigneeId !== before.assigneeId &&
    (await isActiveStaff(db, after.assigneeId))
  ) {
    recipients.set(after.assigneeId, 'assignee')
  }
  if (after.departmentId !== null && after.departmentId !== before.departmentId) {
    for (const id of await departmentStaff(db, after.departmentId))
      if (!recipients.has(id)) recipients.set(id, 'department')
  }
  recipients.delete(input.actorId)
  return await notifyEach(
    db,
    [...recipients].map(([userId, reason]) => ({ userId, reason })),
    { kind: 'idea_assigned', ideaId: input.ideaId },
    now,
  )
}

/**
 * A report puts an idea or comment in the moderation queue: the people who work on the idea
 * hear it once, when the first open report arrives (later reports on it add to the same
 * queue item). Called in the report's transaction, after its row was written.
 */
export async function notifyNewReport(
  db: DbOrTx,
  subject: { type: 'idea' | 'comment' | 'photo'; id: number },
  reporterId: number,
  now: number,
): Promise<number> {
  const open = await db
    .select({ reporterId: reports.reporterId, createdAt: reports.createdAt })
    .from(reports)
    .where(and(eq(reports.subjectType, subject.type), eq(reports.subjectId, subject.id), isNull(reports.resolvedAt)))
    .limit(2)

  // Exactly one open report, and it is the one just written (a repeated report by the same
  // person writes nothing and must not tell anyone again).
  const [only] = open
  if (open.length !== 1 || only?.reporterId !== reporterId || only.createdAt !== now) return 0
  const ideaId =
    subject.type === 'idea'
      ? subject.id
      : subject.type === 'photo'
        ? (await db.select({ ideaId: photos.ideaId }).from(photos).where(eq(photos.id, subject.id)).limit(1))[0]?.ideaId
        : (await db.select({ ideaId: comments.ideaId }).from(comments).where(eq(comments.id, subject.id)).limit(1))[0]
            ?.ideaId
  if (ideaId === undefined) return 0
  return await notifyStaffOfIdea(
    db,
    { ideaId, kind: 'report_new', exceptUserId: reporterId, commentId: subject.type === 'comment' ? subject.id : null },
    now,
  )
}
