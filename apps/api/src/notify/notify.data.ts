import type { NotificationKind } from '@meedenken/shared'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/open'

export type FollowerNotice = {
  ideaId: number
  kind: NotificationKind
  statusChangeId?: number | null
  commentId?: number | null
  /** The person who acted is not told about their own action. */
  exceptUserId: number | null
}

/**
 * One notification row per follower of the idea, in one statement inside the caller's
 * transaction: exactly the followers, each once (followers has a primary key per pair).
 */
export function notifyFollowers(db: DbOrTx, notice: FollowerNotice, now: number): number {
  const result = db.run(sql`
    insert into notifications (user_id, kind, idea_id, status_change_id, comment_id, created_at)
    select f.user_id, ${notice.kind}, ${notice.ideaId}, ${notice.statusChangeId ?? null}, ${notice.commentId ?? null}, ${now}
    from followers f join users u on u.id = f.user_id
    where f.idea_id = ${notice.ideaId} and u.deleted_at is null and u.blocked_at is null
      and f.user_id is not ${notice.exceptUserId ?? null}`)
  return result.changes
}
