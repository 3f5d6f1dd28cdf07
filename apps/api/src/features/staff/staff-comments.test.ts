import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { ideas } from '../../db/schema'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

type StaffReply = {
  id: number
  body: string
  bodyHtml: string
  hidden: boolean
  hiddenReason: string | null
  deleted: boolean
  author: { id: number | null; displayName: string } | null
}
type StaffPage = { items: (StaffReply & { replies: StaffReply[] })[]; nextCursor: string | null }

const ctx = createTestApp()
const theme = await makeTheme(ctx.db)

async function comment(cookie: string, ideaId: number, body: string, parentId?: number): Promise<number> {
  const res = await request(ctx, `/api/ideas/${ideaId}/comments`, { cookie, body: { body, parentId } })
  expect(res.status).toBe(201)
  return (await json(res)).comment.id
}

describe('comments as staff read them', () => {
  it('gives staff the words and author of hidden comments, flagged hidden, while the public list withholds them', async () => {
    const staff = await loginAs(ctx, 'staff')
    const [writer, troll] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const idea = await makeIdea(ctx.db, { authorId: (await makeUser(ctx.db)).id, themeId: theme.id })
    const visible = await comment(writer.cookie, idea.id, 'Goed idee, ik doe mee.')
    const rude = await comment(writer.cookie, idea.id, 'Jullie zijn allemaal sukkels')
    const reply = await comment(troll.cookie, idea.id, 'Koop nu goedkope bloemen', visible)
    await request(ctx, `/api/staff/moderation/comment/${rude}`, {
      cookie: staff.cookie,
      body: { action: 'hide', reason: 'Scheldt andere deelnemers uit' },
    })
    await request(ctx, `/api/staff/users/${troll.userId}/block`, {
      cookie: staff.cookie,
      body: { reason: 'Plaatst alleen reclame' },
    })

    const res = await request(ctx, `/api/staff/ideas/${idea.id}/comments`, { cookie: staff.cookie })
    expect(res.status).toBe(200)
    const page = await json<StaffPage>(res)
    expect(page.items.map((c) => c.id)).toEqual([visible, rude])
    expect(page.items[0]).toMatchObject({ body: 'Goed idee, ik doe mee.', hidden: false, hiddenReason: null })
    expect(page.items[1]).toMatchObject({
      body: 'Jullie zijn allemaal sukkels',
      bodyHtml: expect.stringContaining('Jullie zijn allemaal sukkels'),
      hidden: true,
      hiddenReason: 'moderator',
      author: { id: writer.userId },
    })
    expect(page.items[0]?.replies[0]).toMatchObject({
      id: reply,
      body: 'Koop nu goedkope bloemen',
      hidden: true,
      hiddenReason: 'blocked',
      author: { id: troll.userId },
    })

    // Residents still get the place of the hidden comments, not their words.
    const publicText = await (await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: writer.cookie })).text()
    expect(publicText).not.toContain('sukkels')
    expect(publicText).not.toContain('goedkope bloemen')
    expect(JSON.parse(publicText).items[1]).toMatchObject({ id: rude, hidden: true, body: '', author: null })
  })

  it('keeps a deleted comment without words, also for staff, and also when it was hidden before', async () => {
    const staff = await loginAs(ctx, 'staff')
    const writer = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: writer.userId, themeId: theme.id })
    const gone = await comment(writer.cookie, idea.id, 'Dit haal ik zo weer weg')
    const hiddenThenGone = await comment(writer.cookie, idea.id, 'Dit werd verborgen en daarna weggehaald')
    await request(ctx, `/api/staff/moderation/comment/${hiddenThenGone}`, {
      cookie: staff.cookie,
      body: { action: 'hide', reason: 'Hoort hier niet' },
    })
    for (const id of [gone, hiddenThenGone]) {
      expect((await request(ctx, `/api/comments/${id}`, { method: 'DELETE', cookie: writer.cookie })).status).toBe(204)
    }
    const page = await json<StaffPage>(
      await request(ctx, `/api/staff/ideas/${idea.id}/comments`, { cookie: staff.cookie }),
    )
    expect(page.items).toEqual([
      expect.objectContaining({ id: gone, deleted: true, body: '', bodyHtml: '', author: null }),
      expect.objectContaining({ id: hiddenThenGone, deleted: true, hidden: true, body: '', author: null }),
    ])
  })

  it('pages like the public list, also for a hidden idea', async () => {
    const staff = await loginAs(ctx, 'staff')
    const writer = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: writer.userId, themeId: theme.id })
    const ids = [
      await comment(writer.cookie, idea.id, 'Eerste reactie'),
      await comment(writer.cookie, idea.id, 'Tweede reactie'),
      await comment(writer.cookie, idea.id, 'Derde reactie'),
    ]
    await ctx.db.update(ideas).set({ hidden: 1, hiddenReason: 'moderator' }).where(eq(ideas.id, idea.id))
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/staff/ideas/${idea.id}/comments?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page: StaffPage = await json<StaffPage>(await request(ctx, url, { cookie: staff.cookie }))
      seen.push(...page.items.map((c) => c.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(ids)
  })

  it('answers 404 for an unknown idea and 422 for a bad cursor or limit, changing nothing', async () => {
    const staff = await loginAs(ctx, 'staff')
    const idea = await makeIdea(ctx.db, { authorId: (await makeUser(ctx.db)).id, themeId: theme.id })
    const before = await databaseDigest(ctx)
    const unknown = await request(ctx, '/api/staff/ideas/999999/comments', { cookie: staff.cookie })
    expect(unknown.status).toBe(404)
    expect((await json(unknown)).error.code).toBe('not_found')
    for (const query of ['cursor=%25%25', `cursor=${Buffer.from('[1]').toString('base64url')}`, 'limit=0', 'limit=x']) {
      const res = await request(ctx, `/api/staff/ideas/${idea.id}/comments?${query}`, { cookie: staff.cookie })
      expect(res.status, query).toBe(422)
      const body = await json(res)
      expect(body.error.code, query).toBe('validation_failed')
      expect(Object.keys(body.error.fields ?? {}), query).toHaveLength(1)
    }
    // A path that names no idea at all is unknown, like everywhere in the API.
    expect((await request(ctx, '/api/staff/ideas/abc/comments', { cookie: staff.cookie })).status).toBe(404)
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('is for staff only: members and visitors never get a hidden comment’s words', async () => {
    const member = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: member.userId, themeId: theme.id })
    expect((await request(ctx, `/api/staff/ideas/${idea.id}/comments`)).status).toBe(401)
    expect((await request(ctx, `/api/staff/ideas/${idea.id}/comments`, { cookie: member.cookie })).status).toBe(403)
  })
})
