import type { NotificationKind, NotificationReason } from '@meedenken/shared'
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/open'
import { rawRows, rawRun } from '../db/raw-sql'
import { comments, ideas, liveEvents, notifications, users } from '../db/schema'

export type NotificationFields = {
  kind: NotificationKind
  /** Why the person is told; said in the mail. Without one, the kind says it (see effectiveReason). */
  reason?: NotificationReason | null
  ideaId?: number | null
  statusChangeId?: number | null
  commentId?: number | null
  progressUpdateId?: number | null
  campaignId?: number | null
}

/**
 * One notification per person the `recipients` query names (a SELECT of `user_id`, and of
 * `reason` when `withReasons`), plus a live event so their unread count updates at once.
 * Two set-based statements in the caller's transaction, however many people there are.
 */
export async function notifyUsers(
  db: DbOrTx,
  recipients: SQL,
  fields: NotificationFields,
  now: number,
): Promise<number> {
  return await insertFor(
    db,
    sql`select r.user_id, cast(${fields.reason ?? null} as text) as reason from (${recipients}) r`,
    fields,
    now,
  )
}

/**
 * A bound number in raw SQL, typed: PostgreSQL cannot tell the type of a parameter in a
 * SELECT list (it guesses text, which an integer column refuses), SQLite ignores the cast.
 */
function int(value: number | null | undefined): SQL {
  return sql`cast(${value ?? null} as integer)`
}

async function insertFor(db: DbOrTx, recipients: SQL, fields: NotificationFields, now: number): Promise<number> {
  const inserted = await rawRows(
    db,
    sql`
    insert into notifications (user_id, kind, reason, idea_id, status_change_id, comment_id, progress_update_id, campaign_id, created_at)
    select r.user_id, cast(${fields.kind} as text), r.reason, ${int(fields.ideaId)}, ${int(fields.statusChangeId)},
      ${int(fields.commentId)}, ${int(fields.progressUpdateId)}, ${int(fields.campaignId)}, cast(${now} as bigint)
    from (${recipients}) r
    returning 1`,
  )
  if (inserted.length > 0) {
    await rawRun(
      db,
      sql`insert into live_events (kind, user_id, created_at) select 'notifications', r.user_id, cast(${now} as bigint) from (${recipients}) r`,
    )
  }
  return inserted.length
}

/** A few named people (staff of a department, an assignee), each with their own reason. */
export async function notifyEach(
  db: DbOrTx,
  recipients: { userId: number; reason: NotificationReason }[],
  fields: Omit<NotificationFields, 'reason'>,
  now: number,
): Promise<number> {
  if (recipients.length === 0) return 0
  await db.insert(notifications).values(
    recipients.map((r) => ({
      userId: r.userId,
      kind: fields.kind,
      reason: r.reason,
      ideaId: fields.ideaId ?? null,
      statusChangeId: fields.statusChangeId ?? null,
      commentId: fields.commentId ?? null,
      progressUpdateId: fields.progressUpdateId ?? null,
      campaignId: fields.campaignId ?? null,
      createdAt: now,
    })),
  )

  await db
    .insert(liveEvents)
    .values(recipients.map((r) => ({ kind: 'notifications' as const, userId: r.userId, createdAt: now })))

  return recipients.length
}

export type FollowerNotice = Omit<NotificationFields, 'reason'> & {
  ideaId: number
  /** The person who acted is not told about their own action. */
  exceptUserId: number | null
}

/**
 * Every follower of the idea, each once (followers has a primary key per pair), not the actor.
 * Authors and voters follow automatically; each is told why: their idea, their vote, or they follow it.
 */
export async function notifyFollowers(db: DbOrTx, notice: FollowerNotice, now: number): Promise<number> {
  const { exceptUserId, ...fields } = notice
  return await insertFor(
    db,
    sql`select f.user_id,
        case when f.user_id = i.author_id then 'author'
          when exists (select 1 from votes v where v.idea_id = f.idea_id and v.user_id = f.user_id) then 'voter'
          else 'follower' end as reason
      from followers f join users u on u.id = f.user_id join ideas i on i.id = f.idea_id
      where f.idea_id = ${notice.ideaId} and u.deleted_at is null and u.blocked_at is null
        and f.user_id is distinct from ${int(exceptUserId)}`,
    fields,
    now,
  )
}

/**
 * Someone else commented on a person's idea: the author hears it. Not for their own comment,
 * not for the municipality's answer (followers, the author among them, hear that as an answer),
 * and not for a reply to the author's own comment (they hear that as a reply).
 */
export async function notifyAuthorOfComment(
  db: DbOrTx,
  comment: { id: number; ideaId: number; authorId: number; parentId: number | null; official: boolean },
  now: number,
): Promise<number> {
  if (comment.official) return 0
  const [idea] = await db
    .select({ authorId: ideas.authorId })
    .from(ideas)
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(and(eq(ideas.id, comment.ideaId), isNull(users.deletedAt), isNull(users.blockedAt)))
    .limit(1)
  if (!idea || idea.authorId === comment.authorId) return 0
  if (comment.parentId !== null) {
    const [parent] = await db
      .select({ authorId: comments.authorId })
      .from(comments)
      .where(eq(comments.id, comment.parentId))
      .limit(1)
    if (parent?.authorId === idea.authorId) return 0
  }
  return await notifyEach(
    db,
    [{ userId: idea.authorId, reason: 'author' }],
    { kind: 'new_comment', ideaId: comment.ideaId, commentId: comment.id },
    now,
  )
}
