import { and, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../db/open'
import { comments, ideas, votes } from '../../db/schema'
import { hotScoreOf } from '../../domain/hot-score'

/**
 * The hot score counted afresh from the idea's rows (its coming in, its votes, its visible
 * comments), for changes that move many terms at once: a merge, an erased account's votes.
 */
export async function recountHotScore(tx: DbOrTx, ideaId: number): Promise<void> {
  const [idea] = await tx
    .select({ createdAt: ideas.createdAt, status: ideas.status })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .limit(1)
  if (!idea) return
  const voteTimes = await tx.select({ at: votes.createdAt }).from(votes).where(eq(votes.ideaId, ideaId))
  const commentTimes = await tx
    .select({ at: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.ideaId, ideaId), eq(comments.hidden, 0), isNull(comments.deletedAt)))

  const score = hotScoreOf(
    idea.createdAt,
    [...voteTimes, ...commentTimes].map((e) => e.at),
    idea.status,
  )
  await tx.update(ideas).set({ hotScore: score }).where(eq(ideas.id, ideaId))
}
