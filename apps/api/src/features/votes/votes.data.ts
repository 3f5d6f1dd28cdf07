import { CLOSED_STATUSES, type IdeaStatus } from '@meedenken/shared'
import { and, eq, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/open'
import { campaigns, followers, ideas, votes } from '../../db/schema'
import { acceptsVotes } from '../../domain/campaign-phase'
import { hotScoreSql } from '../../domain/hot-score'
import { emitIdeaEvent } from '../../live/live.data'

export type VoteOutcome =
  | { ok: true; voteCount: number; hasVoted: boolean }
  | { ok: false; reason: 'not_found' | 'closed'; status?: IdeaStatus }
  | { ok: false; reason: 'campaign_phase'; votingFrom: number | null; votingUntil: number | null }

function votable(tx: DbOrTx, ideaId: number) {
  return tx
    .select({
      status: ideas.status,
      hidden: ideas.hidden,
      voteCount: ideas.voteCount,
      ideasFrom: campaigns.ideasFrom,
      ideasUntil: campaigns.ideasUntil,
      votingFrom: campaigns.votingFrom,
      votingUntil: campaigns.votingUntil,
    })
    .from(ideas)
    .leftJoin(campaigns, eq(campaigns.id, ideas.campaignId))
    .where(eq(ideas.id, ideaId))
    .get()
}

/**
 * Casts or withdraws one member's vote. The UNIQUE key decides whether anything changed;
 * only then the counter and the hot score move, in the same transaction, so the count
 * always equals the rows. Idempotent: voting twice is one vote.
 */
export function setVote(db: Db, ideaId: number, userId: number, vote: boolean, now: number): VoteOutcome {
  return db.transaction(
    (tx) => {
      const idea = votable(tx, ideaId)
      if (!idea || idea.hidden) return { ok: false, reason: 'not_found' } as const
      if (CLOSED_STATUSES.includes(idea.status)) return { ok: false, reason: 'closed', status: idea.status } as const
      // Within a campaign with a voting phase, votes (and taking them back) only count then.
      if (idea.ideasFrom !== null && idea.ideasUntil !== null) {
        const window = {
          ideasFrom: idea.ideasFrom,
          ideasUntil: idea.ideasUntil,
          votingFrom: idea.votingFrom,
          votingUntil: idea.votingUntil,
        }
        if (!acceptsVotes(window, now)) {
          return {
            ok: false,
            reason: 'campaign_phase',
            votingFrom: idea.votingFrom,
            votingUntil: idea.votingUntil,
          } as const
        }
      }
      const changed = vote
        ? tx.insert(votes).values({ ideaId, userId, createdAt: now }).onConflictDoNothing().run().changes
        : tx
            .delete(votes)
            .where(and(eq(votes.ideaId, ideaId), eq(votes.userId, userId)))
            .run().changes
      if (changed === 0) return { ok: true, voteCount: idea.voteCount, hasVoted: vote } as const
      const delta = vote ? 1 : -1
      const row = tx
        .update(ideas)
        .set({
          voteCount: sql`${ideas.voteCount} + ${delta}`,
          hotScore: hotScoreSql(sql`${ideas.voteCount} + ${delta}`, ideas.commentCount, ideas.createdAt),
        })
        .where(eq(ideas.id, ideaId))
        .returning({ voteCount: ideas.voteCount })
        .get()
      emitIdeaEvent(tx, 'votes', ideaId, row?.voteCount ?? idea.voteCount + delta, now)
      // Voters follow what they support, so they hear what happens with it.
      if (vote) {
        const followed = tx.insert(followers).values({ ideaId, userId, createdAt: now }).onConflictDoNothing().run()
        if (followed.changes === 1) {
          tx.update(ideas)
            .set({ followerCount: sql`${ideas.followerCount} + 1` })
            .where(eq(ideas.id, ideaId))
            .run()
        }
      }
      return { ok: true, voteCount: row?.voteCount ?? idea.voteCount + delta, hasVoted: vote } as const
    },
    { behavior: 'immediate' },
  )
}
