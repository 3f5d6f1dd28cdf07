import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { closeDatabase } from '../db/open'
import { ideas, users } from '../db/schema'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp, json, loginAs, openSecondHandle, request } from '../test/test-app'

// Visitors' idea lists are kept while the database's list version stays the same (decision 017).
// What matters: a visitor never gets a list older than the data, from any process.

describe("visitors' idea lists", async () => {
  const ctx = createTestApp()
  const theme = await makeTheme(ctx.db)
  const author = await makeUser(ctx.db, { displayName: 'Sanne Post' })
  const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Een bankje bij de vijver' })
  const list = async (cookie?: string) => {
    const res = await request(ctx, '/api/ideas?sort=new', cookie ? { cookie } : {})
    expect(res.status).toBe(200)
    return { res, body: await json(res) }
  }
  const card = (body: { items: { id: number }[] }) =>
    body.items.find((i) => i.id === idea.id) as Record<string, unknown>

  it('shows every change at once: a vote, a comment, an edit, an author renamed, a hidden idea', async () => {
    const [member, staff] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'staff')]
    expect(card((await list()).body)).toMatchObject({ voteCount: 0, commentCount: 0 })
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: member.cookie })
    expect(card((await list()).body)).toMatchObject({ voteCount: 1 })
    await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: member.cookie,
      body: { body: 'Graag bij de speeltuin.' },
    })
    expect(card((await list()).body)).toMatchObject({ commentCount: 1 })
    await ctx.db.update(users).set({ displayName: 'Sanne de Vries' }).where(eq(users.id, author.id))
    expect(card((await list()).body)).toMatchObject({ author: { displayName: 'Sanne de Vries' } })
    await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: { status: 'under_review', explanation: 'We kijken waar een bankje kan staan.' },
    })
    expect(card((await list()).body)).toMatchObject({ status: 'under_review' })
    await ctx.db.update(ideas).set({ hidden: 1 }).where(eq(ideas.id, idea.id))
    expect(card((await list()).body)).toBeUndefined()
    await ctx.db.update(ideas).set({ hidden: 0 }).where(eq(ideas.id, idea.id))
  })

  it('sees a write by another process at once', async () => {
    await list()
    const other = openSecondHandle(ctx)
    await other.update(ideas).set({ title: 'Twee bankjes bij de vijver' }).where(eq(ideas.id, idea.id))
    await closeDatabase(other)
    expect(card((await list()).body)).toMatchObject({ title: 'Twee bankjes bij de vijver' })
  })

  it('answers 304 to a browser that has this version, and a new list once it moved', async () => {
    const { res } = await list()
    const etag = res.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\/"l\d+"$/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5')
    expect((await request(ctx, '/api/ideas?sort=new', { headers: { 'if-none-match': etag } })).status).toBe(304)
    await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const moved = await request(ctx, '/api/ideas?sort=new', { headers: { 'if-none-match': etag } })
    expect(moved.status).toBe(200)
    expect(moved.headers.get('etag')).not.toBe(etag)
  })

  it('never keeps a signed-in person’s list, which holds their own votes', async () => {
    const member = await loginAs(ctx, 'member')
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: member.cookie })
    const own = await list(member.cookie)
    expect(card(own.body)).toMatchObject({ hasVoted: true })
    expect(own.res.headers.get('cache-control')).toBe('private, no-store')
    expect(own.res.headers.get('etag')).toBeNull()
    expect(card((await list()).body)).toMatchObject({ hasVoted: false })
  })
})
