import { CLOSED_STATUSES, type IdeaStatus } from '@meedenken/shared'
import type Database from 'better-sqlite3'
import type { Db, DbOrTx } from '../../db/open'
import { queryGet, queryRun } from '../../db/prepared'
import { acceptsVotes } from '../../domain/campaign-phase'
import { hotScoreExpression } from '../../domain/hot-score'

export type VoteOutcome =
  | { ok: true; voteCount: number; hasVoted: boolean }
  | { ok: false; reason: 'not_found' | 'closed'; status?: IdeaStatus }
  | { ok: false; reason: 'campaign_phase'; votingFrom: number | null; votingUntil: number | null }

type Votable = {
  status: IdeaStatus
  hidden: number
  voteCount: number
  ideasFrom: number | null
  ideasUntil: number | null
  votingFrom: number | null
  votingUntil: number | null
}

const VOTABLE = `select i.status, i.hidden, i.vote_count as voteCount, c.ideas_from as ideasFrom, c.ideas_until as ideasUntil,
    c.voting_from as votingFrom, c.voting_until as votingUntil
  from ideas i left join campaigns c on c.id = i.campaign_id where i.id = ?`
// One update of the idea's row per vote, the new follower included: each update also
// rewrites the stored page's counts (trigger idea_pages_counts, decision 015).
const COUNT = `update ideas set vote_count = vote_count + ?, follower_count = follower_count + ?,
    hot_score = ${hotScoreExpression('vote_count + ?', 'comment_count', 'created_at')}
  where id = ? returning vote_count as voteCount`

/**
 * Casts or withdraws one member's vote, inside the caller's transaction. The UNIQUE key
 * decides whether anything changed; only then the counter, the hot score and the live event
 * move, so the count always equals the rows. Idempotent: voting twice is one vote.
 */
function applyVote(db: DbOrTx, ideaId: number, userId: number, vote: boolean, now: number): VoteOutcome {
  const idea = queryGet<Votable>(db, VOTABLE, ideaId)
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
  const changed = vote
    ? queryRun(
        db,
        'insert into votes (idea_id, user_id, created_at) values (?, ?, ?) on conflict do nothing',
        ideaId,
        userId,
        now,
      ).changes
    : queryRun(db, 'delete from votes where idea_id = ? and user_id = ?', ideaId, userId).changes
  if (changed === 0) return { ok: true, voteCount: idea.voteCount, hasVoted: vote }
  const delta = vote ? 1 : -1
  // Voters follow what they support, so they hear what happens with it.
  const newFollower = vote
    ? queryRun(
        db,
        'insert into followers (idea_id, user_id, created_at) values (?, ?, ?) on conflict do nothing',
        ideaId,
        userId,
        now,
      ).changes
    : 0
  const voteCount =
    queryGet<{ voteCount: number }>(db, COUNT, delta, newFollower, delta, ideaId)?.voteCount ?? idea.voteCount + delta
  queryRun(
    db,
    "insert into live_events (kind, idea_id, value, created_at) values ('votes', ?, ?, ?)",
    ideaId,
    voteCount,
    now,
  )
  return { ok: true, voteCount, hasVoted: vote }
}

/** One vote in its own transaction (tools, tests, other processes). */
export function setVote(db: Db, ideaId: number, userId: number, vote: boolean, now: number): VoteOutcome {
  return db.transaction((tx) => applyVote(tx, ideaId, userId, vote, now), { behavior: 'immediate' })
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
