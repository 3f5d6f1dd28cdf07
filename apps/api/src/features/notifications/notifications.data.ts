import type { Locale, Notification } from '@meedenken/shared'
import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { notifications, users } from '../../db/schema'
import { memberExcerpt, shortened } from '../../mail/notification-templates'
import {
  effectiveReason,
  type NotificationRow,
  selectNotificationRows,
  visibleComment,
} from '../../notify/notification-rows.data'

export async function listNotifications(
  db: Db,
  userId: number,
  beforeId: number | null,
  limit: number,
  locale: Locale,
): Promise<{ items: Notification[]; unread: number; nextBeforeId: number | null }> {
  const rows = await selectNotificationRows(
    db,
    and(eq(notifications.userId, userId), beforeId === null ? undefined : lt(notifications.id, beforeId)),
  )
    .orderBy(desc(notifications.id))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      ideaId: r.ideaId,
      ideaTitle: r.ideaTitle,
      campaignId: r.campaignId,
      campaignTitle: r.campaignTitle,
      status: r.status,
      excerpt: excerptOf(r, locale),
      commentId: r.commentId,
      mergedInto:
        r.kind === 'merged' && r.mergedIntoId !== null && r.mergedIntoTitle !== null
          ? { id: r.mergedIntoId, title: r.mergedIntoTitle }
          : null,
      reason: effectiveReason(r.kind, r.reason),
      channel: r.ideaChannel,
      department:
        r.departmentName !== null && r.departmentNameEn !== null
          ? { name: r.departmentName, nameEn: r.departmentNameEn }
          : null,
      read: r.readAt !== null,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    unread: await unreadCount(db, userId),
    nextBeforeId: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  }
}

/** What happened, short enough for a list: the start of the answer, explanation, update or comment. */
function excerptOf(row: NotificationRow, locale: Locale): string | null {
  const comment = visibleComment(row)
  switch (row.kind) {
    case 'official_answer':
      return comment === null ? null : shortened(comment)
    case 'status_changed':
    case 'merged':
      return row.explanation === null ? null : shortened(row.explanation)
    case 'progress_update':
      return row.progressBody === null ? null : shortened(row.progressBody)
    case 'reply':
    case 'new_comment':
      return comment === null ? null : memberExcerpt(comment, locale)
    case 'new_idea':
      return row.ideaBody === null ? null : memberExcerpt(row.ideaBody, locale)
    default:
      return null
  }
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  return (
    (
      await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    )[0]?.n ?? 0
  )
}

/** Marks the given notifications (or all) as read; only the owner's own rows change. */
export async function markRead(db: Db, userId: number, ids: number[] | 'all', now: number): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : [-1]),
      ),
    )
}

export async function stopMail(db: Db, userId: number, now: number): Promise<void> {
  await db.update(users).set({ emailFrequency: 'never', updatedAt: now }).where(eq(users.id, userId))
}
