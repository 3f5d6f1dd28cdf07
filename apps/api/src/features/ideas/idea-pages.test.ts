import { IdeaWithComments } from '@meedenken/shared'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeIdea, makeTheme } from '../../test/fixtures'
import { createTestApp, json, loginAs, PASSWORD, request, type TestContext } from '../../test/test-app'
import { fillIdeaPages, ideaWithComments } from './idea-pages.data'

// A visitor's idea page is stored, ready to send, and dropped by triggers when something
// it shows changes (decision 015). What matters: a visitor never sees an old page.

let ctx: TestContext
let ideaId: number
let author: { cookie: string; userId: number }
let member: { cookie: string; userId: number }
let staff: { cookie: string; userId: number }

beforeEach(async () => {
  ctx = createTestApp()
  const theme = makeTheme(ctx.db)
  author = await loginAs(ctx, 'member')
  member = await loginAs(ctx, 'member')
  staff = await loginAs(ctx, 'staff')
  ideaId = makeIdea(ctx.db, { authorId: author.userId, themeId: theme.id, title: 'Een bankje bij de bushalte' }).id
})

const storedStamp = () =>
  ctx.db.$client.prepare('select stamp from idea_pages where idea_id = ?').pluck().get(ideaId) as number | undefined

/** The visitor's page must equal one made afresh from the data, field for field. */
async function expectFresh() {
  const res = await request(ctx, `/api/ideas/${ideaId}`)
  expect(res.status).toBe(200)
  const sent = await json(res)
  expect(() => IdeaWithComments.parse(sent)).not.toThrow()
  const fresh = JSON.parse(JSON.stringify(ideaWithComments(ctx.db, ideaId, null, ctx.clock.now())))
  expect(sent).toEqual(fresh)
  expect(storedStamp()).toBeDefined()
  return sent
}

async function ok(res: Promise<Response>) {
  const done = await res
  expect(done.status, await done.clone().text()).toBeLessThan(300)
  return done
}

describe("a visitor's stored idea page", () => {
  it('shows every change at once, as a page made afresh would', async () => {
    await expectFresh()

    // A vote moves only the counts, which a trigger copies beside the page: the page stays.
    const stamp = storedStamp()
    await ok(request(ctx, `/api/ideas/${ideaId}/vote`, { method: 'PUT', cookie: member.cookie }))
    expect((await expectFresh()).idea.voteCount).toBe(1)
    expect(storedStamp()).toBe(stamp)

    const comment = await json(
      await ok(
        request(ctx, `/api/ideas/${ideaId}/comments`, {
          body: { body: 'Graag ook een prullenbak.' },
          cookie: member.cookie,
        }),
      ),
    )
    expect((await expectFresh()).comments.items).toHaveLength(1)
    await ok(
      request(ctx, `/api/ideas/${ideaId}/comments`, {
        body: { body: 'Goed idee, die komt er ook.', parentId: comment.comment.id },
        cookie: author.cookie,
      }),
    )
    expect((await expectFresh()).comments.items[0].replies).toHaveLength(1)
    ctx.clock.advance(60_000)
    await ok(
      request(ctx, `/api/comments/${comment.comment.id}`, {
        method: 'PATCH',
        body: { body: 'Graag ook een grote prullenbak.' },
        cookie: member.cookie,
      }),
    )
    expect((await expectFresh()).comments.items[0].edited).toBe(true)

    await ok(
      request(ctx, `/api/ideas/${ideaId}/status`, {
        body: { status: 'planned', explanation: 'We plaatsen het bankje dit voorjaar.' },
        cookie: staff.cookie,
      }),
    )
    const planned = await expectFresh()
    expect(planned.idea.timeline.at(-1).toStatus).toBe('planned')
    expect(planned.idea.daysSinceUpdate).toBe(0)

    const answer = await json(
      await ok(
        request(ctx, `/api/ideas/${ideaId}/comments`, {
          body: { body: 'Het bankje komt in april.' },
          cookie: staff.cookie,
        }),
      ),
    )
    await ok(
      request(ctx, `/api/comments/${answer.comment.id}/official`, {
        method: 'PUT',
        body: { official: true },
        cookie: staff.cookie,
      }),
    )
    expect((await expectFresh()).idea.officialAnswer?.body).toBe('Het bankje komt in april.')

    await ok(
      request(ctx, `/api/staff/ideas/${ideaId}/updates`, {
        body: { body: 'De plek is gekozen: naast het abri.' },
        cookie: staff.cookie,
      }),
    )
    expect((await expectFresh()).idea.progressUpdates).toHaveLength(1)

    await ok(request(ctx, `/api/ideas/${ideaId}/help`, { method: 'PUT', body: {}, cookie: member.cookie }))
    expect((await expectFresh()).idea.helperCount).toBe(1)

    await ok(request(ctx, '/api/me', { method: 'PATCH', body: { displayName: 'Jannie Bank' }, cookie: author.cookie }))
    const renamed = await expectFresh()
    expect(renamed.idea.author.displayName).toBe('Jannie Bank')
    expect(renamed.comments.items[0].replies[0].author.displayName).toBe('Jannie Bank')

    await ok(request(ctx, '/api/me', { method: 'DELETE', body: { password: PASSWORD }, cookie: member.cookie }))
    expect((await expectFresh()).comments.items[0].author.id).toBeNull()

    // Another process (the admin command) changes the idea: its trigger drops the page too.
    const other = new Database(ctx.file)
    other.prepare('update ideas set title = ? where id = ?').run('Twee bankjes bij de bushalte', ideaId)
    other.close()
    expect((await expectFresh()).idea.title).toBe('Twee bankjes bij de bushalte')

    // Day counts follow the clock without any write.
    ctx.clock.advance(8 * 24 * 60 * 60 * 1000)
    expect((await expectFresh()).idea.daysSinceUpdate).toBe(8)

    ctx.db.$client.prepare('update ideas set hidden = 1 where id = ?').run(ideaId)
    expect((await request(ctx, `/api/ideas/${ideaId}`)).status).toBe(404)
  })

  it('is dropped on a change to any column of the idea but the counts votes and follows move', () => {
    const columns = (ctx.db.$client.prepare('select name from pragma_table_info(?)').pluck().all('ideas') as string[])
      .filter((name) => !['id', 'vote_count', 'follower_count', 'hot_score'].includes(name))
      .sort()
    const trigger = ctx.db.$client
      .prepare("select sql from sqlite_master where type = 'trigger' and name = 'idea_pages_idea_update'")
      .pluck()
      .get() as string
    const listed = /UPDATE OF (.+?) ON/
      .exec(trigger)?.[1]
      ?.split(',')
      .map((name) => name.trim())
    expect(listed?.sort()).toEqual(columns)
  })

  it('answers with an ETag; the same page again is a 304, a vote later a new page', async () => {
    const first = await request(ctx, `/api/ideas/${ideaId}`)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\/".+"$/)
    expect(first.headers.get('vary')).toBe('Cookie')
    const again = await request(ctx, `/api/ideas/${ideaId}`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    await ok(request(ctx, `/api/ideas/${ideaId}/vote`, { method: 'PUT', cookie: member.cookie }))
    const after = await request(ctx, `/api/ideas/${ideaId}`, { headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
  })

  it('is made and stored without emptying the visitor cache of lists', async () => {
    const list = async () => (await request(ctx, '/api/ideas?sort=new')).headers.get('etag')
    const kept = await list()
    expect(storedStamp()).toBeUndefined()
    await expectFresh()
    expect(await list()).toBe(kept)
  })

  it('is never used for someone signed in: their page holds their own vote', async () => {
    await expectFresh()
    await ok(request(ctx, `/api/ideas/${ideaId}/vote`, { method: 'PUT', cookie: member.cookie }))
    const own = await json(await request(ctx, `/api/ideas/${ideaId}`, { cookie: member.cookie }))
    expect(own.idea.hasVoted).toBe(true)
    expect((await expectFresh()).idea.hasVoted).toBe(false)
  })
})

describe('making missing pages in advance', () => {
  it('makes the page of every visible idea once, and none of a hidden one', async () => {
    const theme = makeTheme(ctx.db)
    const hidden = makeIdea(ctx.db, { authorId: author.userId, themeId: theme.id, title: 'Een verborgen idee hier' })
    ctx.db.$client.prepare('update ideas set hidden = 1 where id = ?').run(hidden.id)
    makeIdea(ctx.db, { authorId: author.userId, themeId: theme.id, title: 'Nog een idee voor de wijk' })
    const stored = () => ctx.db.$client.prepare('select idea_id from idea_pages order by idea_id').pluck().all()

    expect(fillIdeaPages(ctx.db, 0, 1, ctx.clock.now())).toEqual({ lastId: ideaId, made: 1 })
    expect(fillIdeaPages(ctx.db, ideaId, 10, ctx.clock.now()).made).toBe(1)
    expect(stored()).not.toContain(hidden.id)
    expect(stored()).toHaveLength(2)
    expect(fillIdeaPages(ctx.db, 0, 10, ctx.clock.now())).toEqual({ lastId: null, made: 0 })
    await expectFresh()
  })
})
