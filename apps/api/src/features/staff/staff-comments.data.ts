import type { HiddenReason, StaffComment, StaffReply } from '@meedenken/shared'
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/open'
import { comments, ideas } from '../../db/schema'
import { type CommentCursor, type Row as CommentRow, commentPageRows, toReply } from '../comments/comments.data'

/**
 * A hidden comment as staff read it: its words and author, flagged hidden. A deleted comment
 * stays without words: its author removed them, and nobody keeps them.
 */
function toStaffReply(row: CommentRow, reasons: Map<number, HiddenReason | null>): StaffReply {
  if (row.hidden !== 1) return { ...toReply(row), hiddenReason: null }
  if (row.deletedAt !== null) return { ...toReply(row), hiddenReason: reasons.get(row.id) ?? null }
  return { ...toReply({ ...row, hidden: 0 }), hidden: true, hiddenReason: reasons.get(row.id) ?? null }
}

/** Staff see hidden ideas too, so only an idea that is not there at all is unknown. */
export async function ideaExists(db: Db, ideaId: number): Promise<boolean> {
  return (await db.select({ id: ideas.id }).from(ideas).where(eq(ideas.id, ideaId)).limit(1))[0] !== undefined
}

/**
 * The staff view of an idea's conversation: the same page as the public list (same order,
 * same cursor, same indexes), but hidden comments keep their text.
 */
export async function staffComments(db: Db, ideaId: number, cursor: CommentCursor | null, limit: number) {
  const { page, replies, next } = await commentPageRows(db, ideaId, cursor, limit)
  const hiddenIds = [...page, ...replies].filter((r) => r.hidden === 1).map((r) => r.id)
  const reasons = new Map(
    hiddenIds.length
      ? (
          await db
            .select({ id: comments.id, reason: comments.hiddenReason })
            .from(comments)
            .where(inArray(comments.id, hiddenIds))
        ).map((r) => [r.id, r.reason] as const)
      : [],
  )
  const items: StaffComment[] = page.map((p) => ({
    ...toStaffReply(p, reasons),
    replies: replies.filter((r) => r.parentId === p.id).map((r) => toStaffReply(r, reasons)),
  }))
  return { items, next }
}
