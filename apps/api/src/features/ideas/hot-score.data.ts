import { and, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../db/open'
import { comments, ideas, votes } from '../../db/schema'
import { hotScoreOf } from '../../domain/hot-score'

/**
 * The hot score counted afresh from the idea's rows (its coming in, its votes, its visible
 * comments), for changes that move many terms at once: a merge, an erased account's votes.
 */
export function recountHotScore(tx: DbOrTx, ideaId: number): void {
  const idea = tx
    .select({ createdAt: ideas.createdAt, status: ideas.status })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .get()
  if (!idea) return
  const voteTimes = tx.select({ at: votes.createdAt }).from(votes).where(eq(votes.ideaId, ideaId)).all()
  const commentTimes = tx
    .select({ at: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.ideaId, ideaId), eq(comments.hidden, 0), isNull(comments.deletedAt)))
    .all()
  const score = hotScoreOf(
    idea.createdAt,
    [...voteTimes, ...commentTimes].map((e) => e.at),
    idea.status,
  )
  tx.update(ideas).set({ hotScore: score }).where(eq(ideas.id, ideaId)).run()
}
