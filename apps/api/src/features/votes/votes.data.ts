import { CLOSED_STATUSES, type IdeaStatus } from '@meedenken/shared'
import type Database from 'better-sqlite3'
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/open'
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

/** The statements of a vote, prepared once per connection (a vote is the hottest write). */
function voteStatements(db: Db) {
  return prepared(db, 'votes.statements', (d) => ({
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
 * Casts or withdraws one member's vote, inside the caller's transaction (on this
 * connection). The UNIQUE key decides whether anything changed; only then the counter,
 * the hot score and the live event move, so the count always equals the rows.
 * Idempotent: voting twice is one vote.
 */
function applyVote(db: Db, ideaId: number, userId: number, vote: boolean, now: number): VoteOutcome {
  const statements = voteStatements(db)
  const idea = statements.votable.get({ idea: ideaId })
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
    if (statements.insertVote.run(who).changes === 0) return { ok: true, voteCount: idea.voteCount, hasVoted: true }
    // Voters follow what they support, so they hear what happens with it.
    const newFollower = statements.insertFollower.run(who).changes
    voteCount = statements.counted.get({ idea: ideaId, newFollower, at: now })?.voteCount ?? idea.voteCount + 1
  } else {
    if (!statements.deleteVote.get(who)) return { ok: true, voteCount: idea.voteCount, hasVoted: false }
    voteCount = statements.uncounted.get({ idea: ideaId })?.voteCount ?? idea.voteCount - 1
    // Taking a term out of a sum of exponentials loses the small ones to rounding: count afresh.
    recountHotScore(db, ideaId)
  }
  statements.event.run({ idea: ideaId, value: voteCount, now })
  return { ok: true, voteCount, hasVoted: vote }
}

/** One vote in its own transaction (tools, tests, other processes). */
export function setVote(db: Db, ideaId: number, userId: number, vote: boolean, now: number): VoteOutcome {
  return db.transaction(() => applyVote(db, ideaId, userId, vote, now), { behavior: 'immediate' })
}

type Pending = {
  ideaId: number
  userId: number
  vote: boolean
  now: number
  resolve: (o: VoteOutcome) => void
  reject: (e: unknown) => void
}

const queues = new WeakMap<Database.Database, Pending[]>()

/**
 * Votes from requests that arrive together are written in one transaction ("group
 * commit"): one commit instead of one per vote, which is what limits votes per second.
 * Each vote still runs in its own savepoint, so one failing vote never takes others with
 * it, and every caller gets its own outcome. The wait is one turn of the event loop.
 */
export function castVote(db: Db, ideaId: number, userId: number, vote: boolean, now: number): Promise<VoteOutcome> {
  const client = db.$client
  return new Promise((resolve, reject) => {
    let queue = queues.get(client)
    if (!queue) {
      queue = []
      queues.set(client, queue)
      setImmediate(() => flush(db, client))
    }
    queue.push({ ideaId, userId, vote, now, resolve, reject })
  })
}

function flush(db: Db, client: Database.Database): void {
  const batch = queues.get(client) ?? []

  queues.delete(client)
  const outcomes: Array<{ outcome?: VoteOutcome; error?: unknown }> = []
  try {
    client
      .transaction(() => {
        for (const p of batch) {
          try {
            outcomes.push({ outcome: client.transaction(() => applyVote(db, p.ideaId, p.userId, p.vote, p.now))() })
          } catch (error) {
            outcomes.push({ error })
          }
        }
      })
      .immediate()
  } catch (error) {
    for (const p of batch) p.reject(error)
    return
  }
  batch.forEach((p, i) => {
    const { outcome, error } = outcomes[i] ?? {}
    if (outcome) p.resolve(outcome)
    else p.reject(error)
  })
}
