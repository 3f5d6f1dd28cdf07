import type { NotificationKind, NotificationReason } from '@meedenken/shared'
import { eq, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { DbOrTx } from '../db/open'
import { campaigns, comments, departments, ideas, notifications, progressUpdates, statusChanges } from '../db/schema'

const mergedInto = alias(ideas, 'merged_into')

/**
 * A notification with what it is about, read when it is shown or mailed rather than copied
 * onto the row: the texts are public content that staff and members wrote, and reading them
 * late means a comment hidden by a moderator or erased with its author is not sent on.
 */
export function selectNotificationRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      reason: notifications.reason,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      ideaId: notifications.ideaId,
      ideaTitle: ideas.title,
      ideaBody: ideas.body,
      ideaAuthorId: ideas.authorId,
      ideaChannel: ideas.channel,
      ideaStatus: ideas.status,
      ideaHidden: ideas.hidden,
      ideaLastUpdateAt: ideas.lastPublicUpdateAt,
      departmentName: departments.name,
      departmentNameEn: departments.nameEn,
      mergedIntoId: mergedInto.id,
      mergedIntoTitle: mergedInto.title,
      statusChangeId: notifications.statusChangeId,
      status: statusChanges.toStatus,
      explanation: statusChanges.explanation,
      declineReason: statusChanges.declineReason,
      referredTo: statusChanges.referredTo,
      closureWhatChanged: statusChanges.closureWhatChanged,
      closureSince: statusChanges.closureSince,
      closureTeam: statusChanges.closureTeam,
      closureLink: statusChanges.closureLink,
      commentId: notifications.commentId,
      commentBody: comments.body,
      commentHidden: comments.hidden,
      commentDeletedAt: comments.deletedAt,
      progressBody: progressUpdates.body,
      campaignId: notifications.campaignId,
      campaignTitle: campaigns.title,
    })
    .from(notifications)
    .leftJoin(ideas, eq(ideas.id, notifications.ideaId))
    .leftJoin(departments, eq(departments.id, ideas.departmentId))
    .leftJoin(mergedInto, eq(mergedInto.id, ideas.mergedIntoId))
    .leftJoin(statusChanges, eq(statusChanges.id, notifications.statusChangeId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .leftJoin(progressUpdates, eq(progressUpdates.id, notifications.progressUpdateId))
    .leftJoin(campaigns, eq(campaigns.id, notifications.campaignId))
    .where(where)
}

export type NotificationRow = Awaited<ReturnType<typeof selectNotificationRows>>[number]

/** Notifications written before reasons were kept say what their kind implies. */
export function effectiveReason(kind: NotificationKind, reason: NotificationReason | null): NotificationReason {
  if (reason) return reason
  if (kind === 'reply') return 'comment_author'
  if (kind === 'campaign_opened') return 'target_group'
  return 'follower'
}

/** A comment's words only while anyone may read them. */
export function visibleComment(row: NotificationRow): string | null {
  if (row.commentBody === null || row.commentHidden === 1 || row.commentDeletedAt !== null) return null
  return row.commentBody
}
