import {
  DUE_SOON_WORKING_DAYS,
  type DueBadge,
  type InstallationSettings,
  type StaffIdea,
  type TargetGroup,
} from '@meedenken/shared'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { recordAudit } from '../../audit/audit.data'
import { installationSettings } from '../../config/installation.data'
import { lockIdeas } from '../../db/locks'
import type { Db, DbOrTx } from '../../db/open'
import { departments, followers, ideaAssignments, ideaNotes, ideas, statusChanges, users, votes } from '../../db/schema'
import { oneRow } from '../../db/statements'
import { dueAt, workingDaysBetween } from '../../domain/working-days'
import { sendIntakeReceipt } from '../../notify/intake-receipt.data'
import { notifyFollowers } from '../../notify/notify.data'
import { announceNewIdea } from '../../notify/staff-alerts.data'
import { notifyAssignment } from '../../notify/staff-notify.data'
import type { Settings } from '../../settings'
import { publicAnswer, statusMoved } from '../../stats/idea-events'
import { recountHotScore } from '../ideas/hot-score.data'
import { createIdea, type toIdea } from '../ideas/ideas.data'

const DAY = 86_400_000

export const staffColumns = {
  departmentId: ideas.departmentId,
  assigneeId: ideas.assigneeId,
  hidden: ideas.hidden,
  firstResponseAt: ideas.firstResponseAt,
  lastPublicUpdateAt: ideas.lastPublicUpdateAt,
  openReports: sql<number>`(select count(*) from reports r where r.subject_type = 'idea' and r.subject_id = ${ideas.id} and r.resolved_at is null)`,
}

export type StaffFields = Omit<StaffIdea, keyof ReturnType<typeof toIdea>>

/** The norm badge: answered, or on time / due soon / overdue by working days. */
export function badgeFor(
  createdAt: number,
  firstResponseAt: number | null,
  now: number,
  normDays: number,
): { badge: DueBadge; dueAt: number } {
  const due = dueAt(createdAt, normDays)
  if (firstResponseAt !== null) return { badge: 'answered', dueAt: due }
  const used = workingDaysBetween(createdAt, now)
  if (used > normDays) return { badge: 'overdue', dueAt: due }
  return { badge: normDays - used <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time', dueAt: due }
}

export function staffFields(
  row: { createdAt: number; status: string } & {
    departmentId: number | null
    assigneeId: number | null
    hidden: number
    firstResponseAt: number | null
    lastPublicUpdateAt: number | null
    openReports: number
  },
  now: number,
  config: InstallationSettings,
): StaffFields {
  const { badge, dueAt: due } = badgeFor(row.createdAt, row.firstResponseAt, now, config.responseNormDays)
  const lastUpdate = row.lastPublicUpdateAt ?? row.createdAt
  return {
    departmentId: row.departmentId,
    assigneeId: row.assigneeId,
    hidden: row.hidden === 1,
    firstResponseAt: row.firstResponseAt === null ? null : new Date(row.firstResponseAt).toISOString(),
    lastPublicUpdateAt: row.lastPublicUpdateAt === null ? null : new Date(row.lastPublicUpdateAt).toISOString(),
    dueAt: new Date(due).toISOString(),
    badge,
    stale: (row.status === 'planned' || row.status === 'in_progress') && now - lastUpdate > config.staleAfterDays * DAY,
    openReports: Number(row.openReports),
  }
}

export async function staffFieldsOf(db: Db, ideaId: number, now: number): Promise<StaffFields | null> {
  const [row] = await db
    .select({ ...staffColumns, createdAt: ideas.createdAt, status: ideas.status })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  return row ? staffFields(row, now, await installationSettings(db)) : null
}

export async function notesOf(db: Db, ideaId: number) {
  return (
    await db
      .select({ id: ideaNotes.id, body: ideaNotes.body, authorName: users.displayName, createdAt: ideaNotes.createdAt })
      .from(ideaNotes)
      .leftJoin(users, eq(users.id, ideaNotes.authorId))
      .where(eq(ideaNotes.ideaId, ideaId))
      .orderBy(asc(ideaNotes.createdAt), asc(ideaNotes.id))
  ).map((n) => ({ ...n, authorName: n.authorName ?? '', createdAt: new Date(n.createdAt).toISOString() }))
}

export async function addNote(db: Db, ideaId: number, authorId: number, body: string, now: number): Promise<boolean> {
  return await db.transaction(async (tx) => {
    if (!(await tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.id, ideaId)).limit(1))[0]) return false
    const id = oneRow(
      await tx.insert(ideaNotes).values({ ideaId, authorId, body, createdAt: now }).returning({ id: ideaNotes.id }),
    ).id
    // The audit log records that a note was written, never what it says.
    await recordAudit(
      tx,
      { actorId: authorId, action: 'idea.note_added', subjectType: 'idea', subjectId: ideaId, details: { noteId: id } },
      now,
    )
    return true
  })
}

export async function assignmentsOf(db: Db, ideaId: number) {
  return (
    await db
      .select({
        id: ideaAssignments.id,
        fromDepartmentId: ideaAssignments.fromDepartmentId,
        toDepartmentId: ideaAssignments.toDepartmentId,
        fromAssigneeId: ideaAssignments.fromAssigneeId,
        toAssigneeId: ideaAssignments.toAssigneeId,
        actorName: users.displayName,
        note: ideaAssignments.note,
        createdAt: ideaAssignments.createdAt,
      })
      .from(ideaAssignments)
      .leftJoin(users, eq(users.id, ideaAssignments.actorId))
      .where(eq(ideaAssignments.ideaId, ideaId))
      .orderBy(asc(ideaAssignments.createdAt), asc(ideaAssignments.id))
  ).map((a) => ({ ...a, actorName: a.actorName ?? '', createdAt: new Date(a.createdAt).toISOString() }))
}

export type AssignResult = { ok: true } | { ok: false; reason: 'not_found' | 'unknown_department' | 'unknown_assignee' }

/** Hands an idea to a department and/or a colleague; every hand-off is logged and audited. */
export async function assignIdea(
  db: DbOrTx,
  input: { ideaId: number; actorId: number; departmentId?: number | null; assigneeId?: number | null; note?: string },
  now: number,
): Promise<AssignResult> {
  return await db.transaction(async (tx) => {
    await lockIdeas(tx, [input.ideaId])
    const [idea] = await tx
      .select({ departmentId: ideas.departmentId, assigneeId: ideas.assigneeId })
      .from(ideas)
      .where(eq(ideas.id, input.ideaId))
      .limit(1)
    if (!idea) return { ok: false, reason: 'not_found' } as const
    if (
      input.departmentId &&
      !(
        await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)).limit(1)
      )[0]
    ) {
      return { ok: false, reason: 'unknown_department' } as const
    }
    if (input.assigneeId) {
      const [assignee] = await tx
        .select({ role: users.role, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, input.assigneeId))
        .limit(1)
      if (!assignee || assignee.role === 'member' || assignee.deletedAt !== null)
        return { ok: false, reason: 'unknown_assignee' } as const
    }
    const next = {
      departmentId: input.departmentId === undefined ? idea.departmentId : input.departmentId,
      assigneeId: input.assigneeId === undefined ? idea.assigneeId : input.assigneeId,
    }
    await tx.update(ideas).set(next).where(eq(ideas.id, input.ideaId))
    await tx.insert(ideaAssignments).values({
      ideaId: input.ideaId,
      fromDepartmentId: idea.departmentId,
      toDepartmentId: next.departmentId,
      fromAssigneeId: idea.assigneeId,
      toAssigneeId: next.assigneeId,
      actorId: input.actorId,
      note: input.note || null,
      createdAt: now,
    })

    await notifyAssignment(tx, { ideaId: input.ideaId, actorId: input.actorId, before: idea, after: next }, now)
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'idea.assigned',
        subjectType: 'idea',
        subjectId: input.ideaId,
        details: { before: idea, after: next },
      },
      now,
    )
    return { ok: true } as const
  })
}

export type MergeResult =
  | { ok: true; movedVotes: number }
  | { ok: false; reason: 'not_found' | 'same' | 'source_closed' | 'target_closed' }

/**
 * Merges a duplicate into another idea. Votes move without double counting (a person who
 * voted for both keeps one vote), followers move the same way, both counters are set from
 * the rows, the source becomes "merged" on its public timeline and accepts no more votes.
 */
export async function mergeIdeas(
  db: DbOrTx,
  input: { sourceId: number; targetId: number; actorId: number; explanation: string },
  now: number,
): Promise<MergeResult> {
  if (input.sourceId === input.targetId) return { ok: false, reason: 'same' }
  return await db.transaction(
    async (tx) => {
      await lockIdeas(tx, [input.sourceId, input.targetId])
      const [source] = await tx
        .select({ status: ideas.status })
        .from(ideas)
        .where(eq(ideas.id, input.sourceId))
        .limit(1)
      const [target] = await tx
        .select({ status: ideas.status, hidden: ideas.hidden })
        .from(ideas)
        .where(eq(ideas.id, input.targetId))
        .limit(1)
      if (!source || !target) return { ok: false, reason: 'not_found' } as const
      if (source.status === 'merged') return { ok: false, reason: 'source_closed' } as const
      if (target.status === 'merged' || target.hidden) return { ok: false, reason: 'target_closed' } as const

      const moved = (
        await tx
          .insert(votes)
          .select(
            tx
              .select({
                ideaId: sql<number>`${input.targetId}`.as('idea_id'),
                userId: votes.userId,
                createdAt: votes.createdAt,
              })
              .from(votes)
              .where(eq(votes.ideaId, input.sourceId)),
          )
          .onConflictDoNothing()
          .returning({ userId: votes.userId })
      ).length
      await tx.delete(votes).where(eq(votes.ideaId, input.sourceId))
      await tx
        .insert(followers)
        .select(
          tx
            .select({
              ideaId: sql<number>`${input.targetId}`.as('idea_id'),
              userId: followers.userId,
              createdAt: followers.createdAt,
            })
            .from(followers)
            .where(eq(followers.ideaId, input.sourceId)),
        )
        .onConflictDoNothing()
      const recount = async (id: number) => {
        await tx
          .update(ideas)
          .set({
            voteCount: sql`(select count(*) from votes where idea_id = ${id})`,
            followerCount: sql`(select count(*) from followers where idea_id = ${id})`,
          })
          .where(eq(ideas.id, id))

        await recountHotScore(tx, id)
      }
      await statusMoved(tx, input.sourceId, source.status, 'merged', null, now)
      const statusChangeId = oneRow(
        await tx
          .insert(statusChanges)
          .values({
            ideaId: input.sourceId,
            fromStatus: source.status,
            toStatus: 'merged',
            explanation: input.explanation,
            actorId: input.actorId,
            createdAt: now,
          })
          .returning({ id: statusChanges.id }),
      ).id
      await tx
        .update(ideas)
        .set({ status: 'merged', mergedIntoId: input.targetId, updatedAt: now })
        .where(eq(ideas.id, input.sourceId))

      await publicAnswer(tx, input.sourceId, now)
      // Followers of the duplicate hear where the conversation continues (they now follow the target).
      await notifyFollowers(
        tx,
        { ideaId: input.sourceId, kind: 'merged', statusChangeId, exceptUserId: input.actorId },
        now,
      )
      await recount(input.targetId)
      await recount(input.sourceId)
      await recordAudit(
        tx,
        {
          actorId: input.actorId,
          action: 'idea.merged',
          subjectType: 'idea',
          subjectId: input.sourceId,
          details: { into: input.targetId, movedVotes: moved },
        },
        now,
      )
      return { ok: true, movedVotes: moved } as const
    },
    { behavior: 'immediate' },
  )
}

/**
 * An idea received by phone, at the desk, by letter or e-mail, entered by staff. The
 * resident becomes its author: their account when the address is known, otherwise a
 * new account without a password. With an address they get a receipt at once, with a link
 * to choose a password (claim the account), and every update about the idea after it
 * (notify/mail-notifications.ts mails unconfirmed addresses only that). The other staff of
 * the idea's department hear of the new idea.
 */
export async function intakeIdea(
  db: Db,
  input: {
    actorId: number
    title: string
    body: string
    themeId: number
    districtId: number | null
    targetGroups: TargetGroup[]
    channel: 'phone' | 'desk' | 'letter' | 'email'
    departmentId: number | null
    submitter: { displayName: string; email?: string | undefined; targetGroup: TargetGroup; districtId: number | null }
    place?: { latitude: number; longitude: number; label?: string | undefined } | null | undefined
  },
  now: number,
  settings: Settings,
): Promise<number> {
  const authorId = await db.transaction(async (tx) => {
    const known = input.submitter.email
      ? (await tx.select({ id: users.id }).from(users).where(eq(users.email, input.submitter.email)).limit(1))[0]
      : undefined
    if (known) return known.id
    return oneRow(
      await tx
        .insert(users)
        .values({
          email: input.submitter.email ?? null,
          displayName: input.submitter.displayName,
          targetGroup: input.submitter.targetGroup,
          districtId: input.submitter.districtId,
          role: 'member',
          // They cannot choose yet (no password): each update about their idea is mailed at once.
          emailFrequency: 'immediately',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id }),
    ).id
  })
  const id = await createIdea(
    db,
    {
      title: input.title,
      body: input.body,
      themeId: input.themeId,
      districtId: input.districtId,
      targetGroups: input.targetGroups,
      authorId,
      channel: input.channel,
      departmentId: input.departmentId,
      place: input.place ?? null,
    },
    now,
  )
  await db.transaction(async (tx) => {
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'idea.intake',
        subjectType: 'idea',
        subjectId: id,
        details: { channel: input.channel },
      },
      now,
    )
    await announceNewIdea(tx, id, input.actorId, now)
  })
  await sendIntakeReceipt(db, settings, id, now)
  return id
}

export async function colleagues(db: Db) {
  return await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, departmentId: users.departmentId })
    .from(users)
    .where(and(inArray(users.role, ['staff', 'admin']), isNull(users.deletedAt), isNull(users.blockedAt)))
    .orderBy(asc(users.displayName))
}

export async function departmentOf(db: Db, userId: number): Promise<number | null> {
  return (
    (await db.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, userId)).limit(1))[0]
      ?.departmentId ?? null
  )
}
