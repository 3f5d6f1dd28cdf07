import type { Notification } from '@meedenken/shared'
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { campaigns, ideas, notifications, statusChanges, users } from '../../db/schema'

export function listNotifications(
  db: Db,
  userId: number,
  beforeId: number | null,
  limit: number,
): { items: Notification[]; unread: number; nextBeforeId: number | null } {
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      ideaId: notifications.ideaId,
      ideaTitle: ideas.title,
      campaignId: notifications.campaignId,
      campaignTitle: campaigns.title,
      status: statusChanges.toStatus,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(ideas, eq(ideas.id, notifications.ideaId))
    .leftJoin(statusChanges, eq(statusChanges.id, notifications.statusChangeId))
    .leftJoin(campaigns, eq(campaigns.id, notifications.campaignId))
    .where(and(eq(notifications.userId, userId), beforeId === null ? undefined : lt(notifications.id, beforeId)))
    .orderBy(desc(notifications.id))
    .limit(limit + 1)
    .all()
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
      excerpt: null,
      commentId: null,
      mergedInto: null,
      reason: null,
      channel: null,
      department: null,
      read: r.readAt !== null,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    unread: unreadCount(db, userId),
    nextBeforeId: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  }
}

export function unreadCount(db: Db, userId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  )
}

/** Marks the given notifications (or all) as read; only the owner's own rows change. */
export function markRead(db: Db, userId: number, ids: number[] | 'all', now: number): void {
  db.update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : [-1]),
      ),
    )
    .run()
}

export function stopMail(db: Db, userId: number, now: number): void {
  db.update(users).set({ emailFrequency: 'never', updatedAt: now }).where(eq(users.id, userId)).run()
}
