import { CLOSED_STATUSES, type IdeaStatus } from '@meedenken/shared'
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { engine } from '../../db/engine'
import { lockIdeas } from '../../db/locks'
import type { Db, Tx } from '../../db/open'
import { campaigns, followers, ideas, liveEvents, votes } from '../../db/schema'
import { prepared } from '../../db/statements'
import { acceptsVotes } from '../../domain/campaign-phase'
import { hotExponent, hotScoreAdding, hotScoreAddingExponent, logSumExp } from '../../domain/hot-score'
import { recountHotScore } from '../ideas/hot-score.data'

export type VoteOutcome =
  | { ok: true; voteCount: number; hasVoted: boolean }
  | { ok: false; reason: 'not_found' | 'closed'; status?: IdeaStatus }
  | { ok: false; reason: 'campaign_phase'; votingFrom: number | null; votingUntil: number | null }

const p = sql.placeholder

const votableColumns = {
  status: ideas.status,
  hidden: ideas.hidden,
  voteCount: ideas.voteCount,
  ideasFrom: campaigns.ideasFrom,
  ideasUntil: campaigns.ideasUntil,
  votingFrom: campaigns.votingFrom,
  votingUntil: campaigns.votingUntil,
}

/** The statements of a vote, prepared once per database (a vote is the hottest write). */
function voteStatements(tx: Tx) {
  return prepared(tx, 'votes.statements', (d) => ({
    votable: d
      .select(votableColumns)
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

type Votable = {
  status: IdeaStatus
  hidden: number
  voteCount: number
  ideasFrom: number | null
  ideasUntil: number | null
  votingFrom: number | null
  votingUntil: number | null
}

/** Why a vote on this idea cannot count now, or null when it can. */
function refusal(idea: Votable | undefined, now: number): VoteOutcome | null {
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
  return null
}

/**
 * Casts or withdraws one member's vote, inside the caller's transaction. The UNIQUE key decides whether anything changed; only then the counter,
 * the hot score and the live event move, so the count always equals the rows.
 * Idempotent: voting twice is one vote.
 */
async function applyVote(tx: Tx, ideaId: number, userId: number, vote: boolean, now: number): Promise<VoteOutcome> {
  const statements = voteStatements(tx)
  const idea = (await statements.votable.execute({ idea: ideaId }))[0]
  const refused = refusal(idea, now)
  if (refused || !idea) return refused ?? { ok: false, reason: 'not_found' }
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

/** A process's votes waiting for their write, and how many writes are under way. */
type Queue = { waiting: Pending[]; writers: number }

const queues = new WeakMap<Db, Queue>()

/** More votes than this wait for the next write: a transaction stays short. */
const MOST_PER_WRITE = 200

/**
 * Writes under way at once. SQLite writes one transaction at a time anyway. On PostgreSQL a
 * second batch is built and sent while the first commits, so neither the process nor the
 * database server waits for the other (docs/decisions/035).
 */
const WRITERS = engine === 'postgres' ? 2 : 1

/**
 * Votes are written in batches ("group commit"): while a batch is being written, the votes
 * that arrive wait and go together in the next, so a busy moment makes bigger batches, not
 * more transactions. One commit and a fixed number of statements then serve many votes, and
 * those are what limit votes per second (docs/decisions/035). Every caller gets its own
 * outcome, and one failing vote never takes the others with it: the batch then rolls back
 * and each vote is written again on its own. Votes of other processes are other
 * transactions; the database orders them.
 */
export function castVote(db: Db, ideaId: number, userId: number, vote: boolean, now: number): Promise<VoteOutcome> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db)
    if (!queue) {
      queue = { waiting: [], writers: 0 }
      queues.set(db, queue)
    }
    queue.waiting.push({ ideaId, userId, vote, now, resolve, reject })
    if (queue.writers < WRITERS) {
      queue.writers++
      // One turn of the event loop, so the votes of requests that arrived together go together.
      setImmediate(() => void writeWaiting(db, queue))
    }
  })
}

async function writeWaiting(db: Db, queue: Queue): Promise<void> {
  while (queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0, MOST_PER_WRITE)
    await writeBatch(db, batch)
  }
  queue.writers--
}

async function writeBatch(db: Db, pending: Pending[]): Promise<void> {
  // Ideas in one order in every transaction, so two batches never wait for each other in a circle.
  const batch = pending.sort((a, b) => a.ideaId - b.ideaId)
  let failed: Pending | null = null
  try {
    const outcomes = await db.transaction(async (tx) => {
      // Taking a vote back is rare and counts the hot score afresh: such a batch goes vote by vote.
      if (batch.every((p) => p.vote)) {
        failed = batch[0] ?? null
        const done = await castVotes(tx, batch)
        failed = null
        return done
      }
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

/**
 * Many new votes in one transaction, in a fixed number of statements whatever their number:
 * the ideas locked and read at once, the votes and the new followers inserted at once (the
 * UNIQUE keys decide which are new), one update of all their counters, one live event per idea. The
 * same outcome as applyVote one by one: a vote twice is one vote, the count equals the rows,
 * and the hot score gains each new vote's term (summed in one exponent). `batch` is sorted
 * by idea.
 */
async function castVotes(tx: Tx, batch: Pending[]): Promise<VoteOutcome[]> {
  const ideaIds = [...new Set(batch.map((p) => p.ideaId))]
  // Held to the commit, in id order: what is read of them (open? hidden?) stays true, and a
  // batch of another process that shares an idea waits its turn instead of crossing ours.
  await lockIdeas(tx, ideaIds)
  const found = new Map(
    (
      await tx
        .select({ id: ideas.id, ...votableColumns })
        .from(ideas)
        .leftJoin(campaigns, eq(campaigns.id, ideas.campaignId))
        .where(inArray(ideas.id, ideaIds))
    ).map((row) => [row.id, row]),
  )
  const outcomes: (VoteOutcome | null)[] = batch.map((p) => refusal(found.get(p.ideaId), p.now))
  const pairKey = (ideaId: number, userId: number) => `${ideaId}:${userId}`
  const wanted = new Map<string, Pending>()
  batch.forEach((p, i) => {
    if (outcomes[i] === null && !wanted.has(pairKey(p.ideaId, p.userId))) wanted.set(pairKey(p.ideaId, p.userId), p)
  })
  const rows = [...wanted.values()].map((p) => ({ ideaId: p.ideaId, userId: p.userId, createdAt: p.now }))
  const inserted =
    rows.length === 0
      ? []
      : await tx
          .insert(votes)
          .values(rows)
          .onConflictDoNothing()
          .returning({ ideaId: votes.ideaId, userId: votes.userId })
  // Voters follow what they support, so they hear what happens with it.
  const followed =
    inserted.length === 0
      ? []
      : await tx
          .insert(followers)
          .values(
            inserted.map((v) => ({
              ideaId: v.ideaId,
              userId: v.userId,
              createdAt: wanted.get(pairKey(v.ideaId, v.userId))?.now ?? 0,
            })),
          )
          .onConflictDoNothing()
          .returning({ ideaId: followers.ideaId })
  const isNew = new Set(inserted.map((v) => pairKey(v.ideaId, v.userId)))
  const counts = ideaIds.flatMap((ideaId) => {
    const times = [...wanted.values()]
      .filter((p) => p.ideaId === ideaId && isNew.has(pairKey(ideaId, p.userId)))
      .map((p) => p.now)
    if (times.length === 0) return []
    const newFollowers = followed.filter((f) => f.ideaId === ideaId).length
    return [
      {
        ideaId,
        votes: times.length,
        newFollowers,
        exponent: logSumExp(times.map(hotExponent)),
        at: Math.max(...times),
      },
    ]
  })
  // One update for every idea of the batch: each gains its own number of votes and
  // followers and its own hot-score term, chosen by id.
  const byIdea = (value: (c: (typeof counts)[number]) => SQL) =>
    sql`(case ${ideas.id} ${sql.join(
      counts.map((c) => sql`when ${c.ideaId} then ${value(c)}`),
      sql` `,
    )} end)`
  const updated =
    counts.length === 0
      ? []
      : await tx
          .update(ideas)
          .set({
            voteCount: sql`${ideas.voteCount} + ${byIdea((c) => sql`cast(${c.votes} as integer)`)}`,
            followerCount: sql`${ideas.followerCount} + ${byIdea((c) => sql`cast(${c.newFollowers} as integer)`)}`,
            hotScore: hotScoreAddingExponent(
              ideas.hotScore,
              byIdea((c) => sql`${c.exponent}`),
              ideas.status,
            ),
          })
          .where(
            inArray(
              ideas.id,
              counts.map((c) => c.ideaId),
            ),
          )
          .returning({ id: ideas.id, voteCount: ideas.voteCount })
  const totals = new Map(updated.map((u) => [u.id, u.voteCount]))
  const counted = new Map<number, number>()
  const events: { kind: 'votes'; ideaId: number; value: number; createdAt: number }[] = []
  for (const c of counts) {
    const total = totals.get(c.ideaId) ?? (found.get(c.ideaId)?.voteCount ?? 0) + c.votes
    counted.set(c.ideaId, total - c.votes)
    events.push({ kind: 'votes', ideaId: c.ideaId, value: total, createdAt: c.at })
  }
  if (events.length > 0) await tx.insert(liveEvents).values(events)
  // Each new vote's count is the count it made (in the batch's order); a vote that was
  // already there answers with the idea's count at that point of the batch.
  return batch.map((p, i) => {
    const refused = outcomes[i]
    if (refused) return refused
    const key = pairKey(p.ideaId, p.userId)
    if (isNew.has(key) && wanted.get(key) === p) {
      const before = counted.get(p.ideaId) ?? 0
      counted.set(p.ideaId, before + 1)
      return { ok: true, voteCount: before + 1, hasVoted: true }
    }
    return { ok: true, voteCount: counted.get(p.ideaId) ?? found.get(p.ideaId)?.voteCount ?? 0, hasVoted: true }
  })
}
