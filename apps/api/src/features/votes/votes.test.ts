import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { engine } from '../../db/engine'
import { rawRun } from '../../db/raw-sql'
import { followers, ideas, votes } from '../../db/schema'
import { oneRow } from '../../db/statements'
import { hotScoreOf } from '../../domain/hot-score'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request, type TestContext } from '../../test/test-app'

const run = promisify(execFile)
const apiRoot = fileURLToPath(new URL('../../..', import.meta.url))

const ctx = createTestApp()
const theme = await makeTheme(ctx.db)
const author = await makeUser(ctx.db)

async function voteCountInTable(ideaId: number): Promise<number> {
  return await ctx.db.$count(votes, eq(votes.ideaId, ideaId))
}

async function storedCount(ideaId: number): Promise<number> {
  return oneRow(await ctx.db.select({ n: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId))).n
}

/** A failure inside one member's vote (a trigger, as a full disk would), not a refusal the code expects. */
async function injectVoteFailure(own: TestContext, userId: number): Promise<void> {
  if (engine === 'postgres') {
    await rawRun(
      own.db,
      sql.raw(`create function one_vote_fails() returns trigger language plpgsql as $$
        begin if new.user_id = ${userId} then raise exception 'injected failure'; end if; return new; end $$`),
    )
    await rawRun(
      own.db,
      sql`create trigger one_vote_fails before insert on votes for each row execute function one_vote_fails()`,
    )
  } else {
    await rawRun(
      own.db,
      sql.raw(`create trigger one_vote_fails before insert on votes
        when new.user_id = ${userId} begin select raise(abort, 'injected failure'); end`),
    )
  }
}

describe('votes', () => {
  it('counts a vote, makes the voter a follower, and takes it back', async () => {
    const member = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const vote = await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: member.cookie })
    expect(vote.status).toBe(200)
    expect(await json(vote)).toEqual({ voteCount: 1, hasVoted: true })
    const detail = (await json(await request(ctx, `/api/ideas/${idea.id}`, { cookie: member.cookie }))).idea
    expect(detail).toMatchObject({ voteCount: 1, hasVoted: true, isFollowing: true, followerCount: 1 })

    const unvote = await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'DELETE', cookie: member.cookie })
    expect(await json(unvote)).toEqual({ voteCount: 0, hasVoted: false })
    const again = await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'DELETE', cookie: member.cookie })
    expect(await json(again)).toEqual({ voteCount: 0, hasVoted: false })
    expect(await voteCountInTable(idea.id)).toBe(0)
  })

  it('moves the stored trending score with each vote, and back', async () => {
    const [a, b] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const score = async () =>
      oneRow(await ctx.db.select({ s: ideas.hotScore }).from(ideas).where(eq(ideas.id, idea.id))).s
    const start = await score()
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: a.cookie })
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: b.cookie })
    // Two votes now add two terms of exp((now − t0) / τ) to the idea's own (decision 018).
    const now = ctx.clock.now()
    expect(await score()).toBeCloseTo(hotScoreOf(idea.createdAt, [now, now], 'new'), 6)
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'DELETE', cookie: b.cookie })
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'DELETE', cookie: a.cookie })
    expect(await score()).toBeCloseTo(start, 9)
  })

  it('50 parallel votes by one member are one vote', async () => {
    const member = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: member.cookie }),
      ),
    )
    expect(answers.every((r) => r.status === 200)).toBe(true)
    expect(await storedCount(idea.id)).toBe(1)
    expect(await voteCountInTable(idea.id)).toBe(1)
  })

  it('votes sent at the same moment on several ideas count each as if it came alone', async () => {
    const [first, second] = [
      await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id }),
      await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id }),
    ]
    const closed = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'done' })
    const members = []
    for (let i = 0; i < 12; i++) members.push(await loginAs(ctx, 'member'))
    const vote = (ideaId: number, cookie: string) =>
      request(ctx, `/api/ideas/${ideaId}/vote`, { method: 'PUT', cookie }).then(async (r) => ({
        ideaId,
        status: r.status,
        body: await json(r),
      }))
    // Each member votes for both open ideas, twice for the first, and for the closed one.
    const answers = await Promise.all(
      members.flatMap((m) => [
        vote(first.id, m.cookie),
        vote(second.id, m.cookie),
        vote(first.id, m.cookie),
        vote(closed.id, m.cookie),
      ]),
    )
    expect(answers.filter((a) => a.ideaId === closed.id).every((a) => a.status === 409)).toBe(true)
    expect(answers.filter((a) => a.ideaId !== closed.id).every((a) => a.status === 200 && a.body.hasVoted)).toBe(true)
    // Every new vote answers with the count it made: 1 to 12, each once.
    const counts = answers.filter((a) => a.ideaId === second.id).map((a) => a.body.voteCount as number)
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    const now = ctx.clock.now()
    for (const idea of [first, second]) {
      const row = oneRow(
        await ctx.db
          .select({ votes: ideas.voteCount, followers: ideas.followerCount, score: ideas.hotScore })
          .from(ideas)
          .where(eq(ideas.id, idea.id)),
      )
      // Each voter follows once, and the stored counts equal the rows.
      expect({
        votes: row.votes,
        rows: await voteCountInTable(idea.id),
        followers: row.followers,
        followerRows: await ctx.db.$count(followers, eq(followers.ideaId, idea.id)),
      }).toEqual({ votes: 12, rows: 12, followers: 12, followerRows: 12 })
      expect(row.score).toBeCloseTo(hotScoreOf(idea.createdAt, Array(12).fill(now), 'new'), 6)
    }
    expect(await storedCount(closed.id)).toBe(0)
  })

  it('100 members voting at once from four processes give exactly 100', async () => {
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const members = await Promise.all(Array.from({ length: 100 }, () => makeUser(ctx.db)))
    // Ids, not a range: on PostgreSQL users made at once need not get consecutive ids in call order.
    const ids = members.map((m) => m.id)
    const slice = (from: number, count: number) => ids.slice(from, from + count).join(',')
    const tsx = path.join(apiRoot, 'node_modules/.bin/tsx')
    const worker = path.join(apiRoot, 'src/test/vote-worker.ts')
    await Promise.all(
      [0, 25, 50, 75].map((offset) => run(tsx, [worker, ctx.file, String(idea.id), slice(offset, 25), 'vote'])),
    )
    expect(await voteCountInTable(idea.id)).toBe(100)
    expect(await storedCount(idea.id)).toBe(100)
    await Promise.all(
      [0, 50].map((offset) => run(tsx, [worker, ctx.file, String(idea.id), slice(offset, 50), 'unvote'])),
    )
    expect(await voteCountInTable(idea.id)).toBe(0)
    expect(await storedCount(idea.id)).toBe(0)
  }, 60_000)

  it.each(['done', 'declined', 'merged'] as const)(
    'refuses a vote on a %s idea with 409 and changes nothing',
    async (status) => {
      const member = await loginAs(ctx, 'member')
      const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status })
      const before = await databaseDigest(ctx)
      const res = await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: member.cookie })
      expect(res.status).toBe(409)
      expect((await json(res)).error.message).toMatch(/^Stemmen kan niet meer/)
      expect(await databaseDigest(ctx)).toBe(before)
    },
  )

  it('a vote that fails among votes sent at the same moment fails alone; the others are counted', async () => {
    const own = createTestApp()
    const idea = await makeIdea(own.db, {
      authorId: (await makeUser(own.db)).id,
      themeId: (await makeTheme(own.db)).id,
    })
    const members = []
    for (let i = 0; i < 8; i++) members.push(await loginAs(own, 'member'))
    const unlucky = members[3]?.userId ?? 0
    // A failure inside one vote (a trigger, as a full disk would), not a refusal the code expects.
    await injectVoteFailure(own, unlucky)
    const answers = await Promise.all(
      members.map((m) => request(own, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: m.cookie })),
    )
    expect(answers.map((r) => r.status)).toEqual(members.map((m) => (m.userId === unlucky ? 500 : 200)))
    const stored = oneRow(await own.db.select({ n: ideas.voteCount }).from(ideas).where(eq(ideas.id, idea.id))).n
    expect({ stored, rows: await own.db.$count(votes, eq(votes.ideaId, idea.id)) }).toEqual({ stored: 7, rows: 7 })
  })

  it('refuses visitors (401) and unknown or hidden ideas (404)', async () => {
    const member = await loginAs(ctx, 'member')
    const hidden = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, hidden: true })
    expect((await request(ctx, `/api/ideas/${hidden.id}/vote`, { method: 'PUT' })).status).toBe(401)
    expect((await request(ctx, `/api/ideas/${hidden.id}/vote`, { method: 'PUT', cookie: member.cookie })).status).toBe(
      404,
    )
    expect((await request(ctx, '/api/ideas/999999/vote', { method: 'PUT', cookie: member.cookie })).status).toBe(404)
  })

  it('shows on the list which ideas I voted for', async () => {
    const member = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, voteCount: 0 })
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: member.cookie })
    const { items } = await json(await request(ctx, '/api/ideas?sort=new&limit=50', { cookie: member.cookie }))
    const mine = items.filter((i: { hasVoted: boolean }) => i.hasVoted).map((i: { id: number }) => i.id)
    expect(mine).toEqual([idea.id])
  })
})

describe('following', () => {
  it('follows and unfollows, idempotently, with an exact count', async () => {
    const member = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    for (let i = 0; i < 2; i++) {
      const res = await request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'PUT', cookie: member.cookie })
      expect(await json(res)).toEqual({ followerCount: 1, isFollowing: true })
    }
    const res = await request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'DELETE', cookie: member.cookie })
    expect(await json(res)).toEqual({ followerCount: 0, isFollowing: false })
    expect((await request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'PUT' })).status).toBe(401)
  })
})
