import { CLOSED_STATUSES, type IdeaStatus } from '@meedenken/shared'
import { and, eq, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/open'
import { campaigns, followers, ideas, liveEvents, votes } from '../../db/schema'
import { prepared } from '../../db/statements'
import { acceptsVotes } from '../../domain/campaign-phase'
import { hotScoreAdding } from '../../domain/hot-score'
import { recountHotScore } from '../ideas/hot-score.data'

export type VoteOutcome =
  | { ok: true; voteCount: number; hasVoted: boolean }
  | { ok: false; reason: 'not_found' | 'closed'; status?: IdeaStatus }
  | { ok: false; reason: 'campaign_phase'; votingFrom: number | null; votingUntil: number | null }

const p = sql.placeholder

/** The statements of a vote, prepared once per database (a vote is the hottest write). */
function voteStatements(tx: Tx) {
  return prepared(tx, 'votes.statements', (d) => ({
    votable: d
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
      .where(eq(ideas.id, p('idea')))
      .prepare(),
    insertVote: d
      .insert(votes)
      .values({ ideaId: p('idea'), userId: p('user'), createdAt: p('now') })
      .onConflictDoNothing()
      .returning({ ideaId: votes.ideaId })
      .prepare(),
    deleteVote: d
      .delete(votes)
      .where(and(eq(votes.ideaId, p('idea')), eq(votes.userId, p('user'))))
      .returning({ ideaId: votes.ideaId })
      .prepare(),
    insertFollower: d
      .insert(followers)
      .values({ ideaId: p('idea'), userId: p('user'), createdAt: p('now') })
      .onConflictDoNothing()
      .returning({ ideaId: followers.ideaId })
      .prepare(),
    // One update of the idea's row per vote, the new follower included; the vote's term
    // (at the time it was cast) joins or leaves the hot score.
    counted: d
      .update(ideas)
      .set({
        voteCount: sql`${ideas.voteCount} + 1`,
        followerCount: sql`${ideas.followerCount} + ${p('newFollower')}`,
        hotScore: hotScoreAdding(ideas.hotScore, p('at'), ideas.status),
      })
      .where(eq(ideas.id, p('idea')))
      .returning({ voteCount: ideas.voteCount })
      .prepare(),
    uncounted: d
      .update(ideas)
      .set({ voteCount: sql`${ideas.voteCount} - 1` })
      .where(eq(ideas.id, p('idea')))
      .returning({ voteCount: ideas.voteCount })
      .prepare(),
    event: d
      .insert(liveEvents)
      .values({ kind: 'votes', ideaId: p('idea'), value: p('value'), createdAt: p('now') })
      .prepare(),
  }))
}

/**
 * Casts or withdraws one member's vote, inside the caller's transaction. The UNIQUE key decides whether anything changed; only then the counter,
 * the hot score and the live event move, so the count always equals the rows.
 * Idempotent: voting twice is one vote.
 */
async function applyVote(tx: Tx, ideaId: number, userId: number, vote: boolean, now: number): Promise<VoteOutcome> {
  const statements = voteStatements(tx)
  const idea = (await statements.votable.execute({ idea: ideaId }))[0]
  if (!idea || idea.hidden) return { ok: false, reason: 'not_found' }
  if (CLOSED_STATUSES.includes(idea.status)) return { ok: false, reason: 'closed', status: idea.status }
  // Within a campaign with a voting phase, votes (and taking them back) only count then.
  if (idea.ideasFrom !== null && idea.ideasUntil !== null) {
    const window = {
      ideasFrom: idea.ideasFrom,
      ideasUntil: idea.ideasUntil,
      votingFrom: idea.votingFrom,
      votingUntil: idea.votingUntil,
    }
    if (!acceptsVotes(window, now)) {
      return { ok: false, reason: 'campaign_phase', votingFrom: idea.votingFrom, votingUntil: idea.votingUntil }
    }
  }
  const who = { idea: ideaId, user: userId, now }
  let voteCount: number
  if (vote) {
    if ((await statements.insertVote.execute(who)).length === 0) {
      return { ok: true, voteCount: idea.voteCount, hasVoted: true }
    }
    // Voters follow what they support, so they hear what happens with it.
    const newFollower = (await statements.insertFollower.execute(who)).length
    voteCount =
      (await statements.counted.execute({ idea: ideaId, newFollower, at: now }))[0]?.voteCount ?? idea.voteCount + 1
  } else {
    if (!(await statements.deleteVote.execute(who))[0]) return { ok: true, voteCount: idea.voteCount, hasVoted: false }
    voteCount = (await statements.uncounted.execute({ idea: ideaId }))[0]?.voteCount ?? idea.voteCount - 1
    // Taking a term out of a sum of exponentials loses the small ones to rounding: count afresh.
    await recountHotScore(tx, ideaId)
  }
  await statements.event.execute({ idea: ideaId, value: voteCount, now })
  return { ok: true, voteCount, hasVoted: vote }
}

/** One vote in its own transaction (tools, tests, other processes). */
export async function setVote(
  db: Db,
  ideaId: number,
  userId: number,
  vote: boolean,
  now: number,
): Promise<VoteOutcome> {
  return await db.transaction((tx) => applyVote(tx, ideaId, userId, vote, now), { behavior: 'immediate' })
}

type Pending = {
  ideaId: number
  userId: number
  vote: boolean
  now: number
  resolve: (o: VoteOutcome) => void
  reject: (e: unknown) => void
}

const queues = new WeakMap<Db, Pending[]>()

/**
 * Votes from requests that arrive together are written in one transaction ("group
 * commit"): one commit instead of one per vote, which is what limits votes per second.
 * Every caller gets its own outcome, and one failing vote never takes the others with it:
 * the batch then rolls back and each vote is written again on its own. (A savepoint per
 * vote would do the same without the second round, at two more statements for every vote;
 * a vote fails only when something is badly wrong.) The wait is one turn of the event loop.
 */
export function castVote(db: Db, ideaId: number, userId: number, vote: boolean, now: number): Promise<VoteOutcome> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db)
    if (!queue) {
      queue = []
      queues.set(db, queue)
      setImmediate(() => void flush(db))
    }
    queue.push({ ideaId, userId, vote, now, resolve, reject })
  })
}

async function flush(db: Db): Promise<void> {
  const batch = (queues.get(db) ?? []).sort((a, b) => a.ideaId - b.ideaId)
  queues.delete(db)
  let failed: Pending | null = null
  try {
    const outcomes = await db.transaction(async (tx) => {
      const done: VoteOutcome[] = []
      for (const p of batch) {
        failed = p
        done.push(await applyVote(tx, p.ideaId, p.userId, p.vote, p.now))
      }
      failed = null
      return done
    })
    for (const [i, p] of batch.entries()) p.resolve(outcomes[i] as VoteOutcome)
  } catch (error) {
    // Not a vote but the transaction itself failed (the database stayed busy): all fail.
    if (failed === null) {
      for (const p of batch) p.reject(error)
      return
    }
    for (const p of batch) {
      try {
        p.resolve(await setVote(db, p.ideaId, p.userId, p.vote, p.now))
      } catch (again) {
        p.reject(again)
      }
    }
  }
}
