import type { NotificationKind } from '@meedenken/shared'
import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/open'

export type NotificationFields = {
  kind: NotificationKind
  ideaId?: number | null
  statusChangeId?: number | null
  commentId?: number | null
  progressUpdateId?: number | null
  campaignId?: number | null
}

/**
 * One notification per person the `recipients` query names (a SELECT of `user_id`), plus a
 * live event so their unread count updates at once. Two set-based statements in the
 * caller's transaction, however many people there are.
 */
export function notifyUsers(db: DbOrTx, recipients: SQL, fields: NotificationFields, now: number): number {
  const inserted = db.run(sql`
    insert into notifications (user_id, kind, idea_id, status_change_id, comment_id, progress_update_id, campaign_id, created_at)
    select r.user_id, ${fields.kind}, ${fields.ideaId ?? null}, ${fields.statusChangeId ?? null}, ${fields.commentId ?? null},
      ${fields.progressUpdateId ?? null}, ${fields.campaignId ?? null}, ${now}
    from (${recipients}) r`).changes
  if (inserted > 0) {
    db.run(
      sql`insert into live_events (kind, user_id, created_at) select 'notifications', r.user_id, ${now} from (${recipients}) r`,
    )
  }
  return inserted
}

export type FollowerNotice = NotificationFields & {
  ideaId: number
  /** The person who acted is not told about their own action. */
  exceptUserId: number | null
}

/** Every follower of the idea, each once (followers has a primary key per pair), not the actor. */
export function notifyFollowers(db: DbOrTx, notice: FollowerNotice, now: number): number {
  const { exceptUserId, ...fields } = notice
  return notifyUsers(
    db,
    sql`select f.user_id from followers f join users u on u.id = f.user_id
      where f.idea_id = ${notice.ideaId} and u.deleted_at is null and u.blocked_at is null
        and f.user_id is not ${exceptUserId ?? null}`,
    fields,
    now,
  )
}
