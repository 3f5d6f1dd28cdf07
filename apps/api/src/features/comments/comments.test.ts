import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { comments, ideas } from '../../db/schema'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, databaseText, json, loginAs, request } from '../../test/test-app'

const ctx = createTestApp()
const theme = await makeTheme(ctx.db)
const author = await makeUser(ctx.db)

const count = async (ideaId: number, on = ctx) =>
  (await on.db.select({ n: ideas.commentCount }).from(ideas).where(eq(ideas.id, ideaId)))[0]?.n

describe('comments', () => {
  it('adds a comment and a reply, counted on the idea, listed oldest first with replies nested', async () => {
    const a = await loginAs(ctx, 'member')
    const b = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const first = await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: a.cookie,
      body: { body: 'Goed plan, **eens**!' },
    })
    expect(first.status).toBe(201)
    const { comment } = await json(first)
    expect(comment).toMatchObject({ parentId: null, official: false, deleted: false, replies: [] })
    expect(comment.bodyHtml).toBe('<p>Goed plan, <strong>eens</strong>!</p>')
    ctx.clock.advance(1000)
    const reply = await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: b.cookie,
      body: { body: 'Ik ook.', parentId: comment.id },
    })
    expect(reply.status).toBe(201)
    expect(await count(idea.id)).toBe(2)
    const list = await json(await request(ctx, `/api/ideas/${idea.id}/comments`))
    expect(list.items).toHaveLength(1)
    expect(list.items[0].replies.map((r: { body: string }) => r.body)).toEqual(['Ik ook.'])
  })

  it('allows one level of replies only', async () => {
    const a = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const top = (
      await json(await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: a.cookie, body: { body: 'Top' } }))
    ).comment
    const reply = (
      await json(
        await request(ctx, `/api/ideas/${idea.id}/comments`, {
          cookie: a.cookie,
          body: { body: 'Antwoord', parentId: top.id },
        }),
      )
    ).comment
    const other = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const before = await databaseDigest(ctx)
    const deeper = await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: a.cookie,
      body: { body: 'Dieper', parentId: reply.id },
    })
    expect(deeper.status).toBe(422)
    expect((await json(deeper)).error.fields).toHaveProperty('parentId')
    const elsewhere = await request(ctx, `/api/ideas/${other.id}/comments`, {
      cookie: a.cookie,
      body: { body: 'Elders', parentId: top.id },
    })
    expect(elsewhere.status).toBe(422)
    expect(await databaseDigest(ctx)).toBe(before)
    expect(await count(idea.id)).toBe(2)
  })

  it('checks the length: 1 to 2,000 characters', async () => {
    const a = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    for (const [body, message] of [
      ['   ', 'Vul dit veld in.'],
      ['x'.repeat(2001), 'Gebruik hoogstens 2000 tekens.'],
    ] as const) {
      const res = await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: a.cookie, body: { body } })
      expect(res.status).toBe(422)
      expect((await json(res)).error.fields.body).toBe(message)
    }
  })

  it('lets the author correct a comment for 15 minutes, then no more', async () => {
    const a = await loginAs(ctx, 'member')
    const b = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const { comment } = await json(
      await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: a.cookie, body: { body: 'Tikfoutt' } }),
    )
    expect(
      (
        await request(ctx, `/api/comments/${comment.id}`, {
          method: 'PATCH',
          cookie: b.cookie,
          body: { body: 'Van mij' },
        })
      ).status,
    ).toBe(403)
    ctx.clock.advance(14 * 60_000)
    const fixed = await request(ctx, `/api/comments/${comment.id}`, {
      method: 'PATCH',
      cookie: a.cookie,
      body: { body: 'Tikfout' },
    })
    expect(fixed.status).toBe(200)
    expect((await json(fixed)).comment).toMatchObject({ body: 'Tikfout', edited: true })
    ctx.clock.advance(2 * 60_000)
    const late = await request(ctx, `/api/comments/${comment.id}`, {
      method: 'PATCH',
      cookie: a.cookie,
      body: { body: 'Te laat' },
    })
    expect(late.status).toBe(409)
  })

  it('deletes a comment as "reactie verwijderd", keeping its replies and updating the count', async () => {
    const a = await loginAs(ctx, 'member')
    const b = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const top = (
      await json(
        await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: a.cookie, body: { body: 'Weg ermee' } }),
      )
    ).comment
    await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: b.cookie,
      body: { body: 'Blijft staan', parentId: top.id },
    })
    expect((await request(ctx, `/api/comments/${top.id}`, { method: 'DELETE', cookie: b.cookie })).status).toBe(403)
    expect((await request(ctx, `/api/comments/${top.id}`, { method: 'DELETE', cookie: a.cookie })).status).toBe(204)
    expect(await count(idea.id)).toBe(1)
    const [shown] = (await json(await request(ctx, `/api/ideas/${idea.id}/comments`))).items
    expect(shown).toMatchObject({ deleted: true, body: '', bodyHtml: '', author: null })
    expect(shown.replies[0].body).toBe('Blijft staan')
    const [stored] = await ctx.db.select({ body: comments.body }).from(comments).where(eq(comments.id, top.id))
    expect(stored).toBeDefined()
    expect(JSON.stringify(stored)).not.toContain('Weg ermee')
  })

  it('lets only staff give an official answer, which the idea then shows', async () => {
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const byMember = await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: member.cookie,
      body: { body: 'Officieel!', official: true },
    })
    expect(byMember.status).toBe(403)
    const byStaff = await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: staff.cookie,
      body: { body: 'We gaan dit in maart doen.', official: true },
    })
    expect(byStaff.status).toBe(201)
    const { idea: shown } = await json(await request(ctx, `/api/ideas/${idea.id}`))
    expect(shown.officialAnswer).toMatchObject({
      body: 'We gaan dit in maart doen.',
      official: true,
      author: { isStaff: true },
    })
  })

  it('allows 30 comments an hour per member, then 429', async () => {
    const a = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    for (let i = 0; i < 30; i++) {
      expect(
        (await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: a.cookie, body: { body: `Nummer ${i}` } }))
          .status,
      ).toBe(201)
    }
    expect(
      (await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: a.cookie, body: { body: 'Eén te veel' } }))
        .status,
    ).toBe(429)
  })

  it('pages through many comments with the cursor', async () => {
    const a = await loginAs(ctx, 'staff')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    for (let i = 0; i < 25; i++) {
      ctx.clock.advance(1000)
      await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: a.cookie, body: { body: `Reactie ${i}` } })
    }
    const first = await json(await request(ctx, `/api/ideas/${idea.id}/comments?limit=20`))
    const second = await json(await request(ctx, `/api/ideas/${idea.id}/comments?limit=20&cursor=${first.nextCursor}`))
    expect([...first.items, ...second.items].map((c: { body: string }) => c.body)).toEqual(
      Array.from({ length: 25 }, (_, i) => `Reactie ${i}`),
    )
    expect(second.nextCursor).toBeNull()
  })
})

describe('comments of an idea people cannot see', () => {
  it('answers 404 for the comments of a hidden idea, also right after a visitor read them, and for an unknown idea', async () => {
    const own = createTestApp()
    const idea = await makeIdea(own.db, {
      authorId: (await makeUser(own.db)).id,
      themeId: (await makeTheme(own.db)).id,
    })
    const [writer, reader, staff] = [
      await loginAs(own, 'member'),
      await loginAs(own, 'member'),
      await loginAs(own, 'staff'),
    ]
    await request(own, `/api/ideas/${idea.id}/comments`, { cookie: writer.cookie, body: { body: 'Mijn reactie' } })
    const url = `/api/ideas/${idea.id}/comments`
    const before = await request(own, url)
    expect(before.status).toBe(200)
    const etag = before.headers.get('etag') ?? ''
    expect(etag).not.toBe('')
    // The visitor cache keeps that answer: a second read is served from it.
    expect((await request(own, url, { headers: { 'if-none-match': etag } })).status).toBe(304)

    const hide = await request(own, `/api/staff/moderation/idea/${idea.id}`, {
      cookie: staff.cookie,
      body: { action: 'hide', reason: 'Bevat een adres van iemand' },
    })
    expect(hide.status).toBe(204)
    for (const [who, options] of [
      ['visitor', {}],
      ['visitor with the old ETag', { headers: { 'if-none-match': etag } }],
      ['member', { cookie: reader.cookie }],
      ['author of a comment', { cookie: writer.cookie }],
      ['staff', { cookie: staff.cookie }],
    ] as const) {
      const res = await request(own, url, options)
      expect(res.status, who).toBe(404)
      expect((await json(res)).error.code, who).toBe('not_found')
    }
    // Staff read the conversation of a hidden idea where they work on it.
    expect((await request(own, `/api/staff/ideas/${idea.id}/comments`, { cookie: staff.cookie })).status).toBe(200)

    for (const cookie of [undefined, reader.cookie]) {
      const res = await request(own, '/api/ideas/999999/comments', { cookie })
      expect(res.status).toBe(404)
      expect((await json(res)).error.code).toBe('not_found')
    }

    await request(own, `/api/staff/moderation/idea/${idea.id}`, {
      cookie: staff.cookie,
      body: { action: 'restore', reason: 'Adres is eruit gehaald' },
    })
    expect((await request(own, url)).status).toBe(200)
  })
})

describe('deleting a reported comment', () => {
  const HOUR = 3_600_000

  /** Members whose reports count in full: a vote of their own, and over a day old. */
  async function regulars(own: ReturnType<typeof createTestApp>, ideaId: number, n: number) {
    const people = []
    for (let i = 0; i < n; i++) {
      const p = await loginAs(own, 'member')
      await request(own, `/api/ideas/${ideaId}/vote`, { method: 'PUT', cookie: p.cookie })
      people.push(p)
    }
    own.clock.advance(25 * HOUR)
    return people
  }

  async function queueItem(own: ReturnType<typeof createTestApp>, commentId: number) {
    const staff = await loginAs(own, 'staff')
    const queue = await json(await request(own, '/api/staff/moderation', { cookie: staff.cookie }))
    return queue.items.find(
      (i: { subjectType: string; subjectId: number }) => i.subjectType === 'comment' && i.subjectId === commentId,
    )
  }

  const bodyInDatabase = async (own: ReturnType<typeof createTestApp>, id: number) =>
    (await own.db.select({ body: comments.body }).from(comments).where(eq(comments.id, id)))[0]?.body

  it('keeps the text for staff until the report is decided; the public sees it removed at once', async () => {
    const own = createTestApp()
    const idea = await makeIdea(own.db, {
      authorId: (await makeUser(own.db)).id,
      themeId: (await makeTheme(own.db)).id,
    })
    const [writer, reporter, late] = [
      await loginAs(own, 'member'),
      await loginAs(own, 'member'),
      await loginAs(own, 'member'),
    ]
    const { comment } = await json(
      await request(own, `/api/ideas/${idea.id}/comments`, {
        cookie: writer.cookie,
        body: { body: 'Piet Jansen van nummer 12 is een oplichter' },
      }),
    )
    await request(own, '/api/reports', {
      cookie: reporter.cookie,
      body: { subjectType: 'comment', subjectId: comment.id, reason: 'personal_data', note: 'Noemt een buurman' },
    })
    expect(
      (await request(own, `/api/comments/${comment.id}`, { method: 'DELETE', cookie: writer.cookie })).status,
    ).toBe(204)
    const [shown] = (await json(await request(own, `/api/ideas/${idea.id}/comments`))).items
    expect(shown).toMatchObject({ id: comment.id, deleted: true, body: '', bodyHtml: '', author: null })
    expect(await count(idea.id, own)).toBe(0)
    // Deleted is deleted for its author and other members: no edits, no new reports.
    expect(
      (
        await request(own, `/api/comments/${comment.id}`, {
          method: 'PATCH',
          cookie: writer.cookie,
          body: { body: 'Toch anders' },
        })
      ).status,
    ).toBe(404)
    const again = await request(own, '/api/reports', {
      cookie: late.cookie,
      body: { subjectType: 'comment', subjectId: comment.id, reason: 'offensive' },
    })
    expect(again.status).toBe(404)

    expect(await queueItem(own, comment.id)).toMatchObject({
      text: 'Piet Jansen van nummer 12 is een oplichter',
      deleted: true,
      hidden: false,
      reports: [{ reason: 'personal_data', note: 'Noemt een buurman' }],
    })
    const staff = await loginAs(own, 'staff')
    const decide = await request(own, `/api/staff/moderation/comment/${comment.id}`, {
      cookie: staff.cookie,
      body: { action: 'hide', reason: 'Persoonsgegevens van een buurman' },
    })
    expect(decide.status).toBe(204)
    expect(await queueItem(own, comment.id)).toBeUndefined()
    // Decided: the words go, as their author asked.
    expect(await bodyInDatabase(own, comment.id)).toBe('')
    expect(await databaseText(own)).not.toContain('Piet Jansen van nummer 12')
  })

  it('keeps a comment hidden by reports in the queue when its author deletes it, and restoring it shows it removed', async () => {
    const own = createTestApp()
    const idea = await makeIdea(own.db, {
      authorId: (await makeUser(own.db)).id,
      themeId: (await makeTheme(own.db)).id,
    })
    const other = await makeIdea(own.db, {
      authorId: (await makeUser(own.db)).id,
      themeId: (await makeTheme(own.db)).id,
    })
    const writer = await loginAs(own, 'member')
    const { comment } = await json(
      await request(own, `/api/ideas/${idea.id}/comments`, { cookie: writer.cookie, body: { body: 'Kort en fel' } }),
    )
    for (const p of await regulars(own, other.id, 3)) {
      await request(own, '/api/reports', {
        cookie: p.cookie,
        body: { subjectType: 'comment', subjectId: comment.id, reason: 'offensive' },
      })
    }
    expect((await json(await request(own, `/api/ideas/${idea.id}/comments`))).items[0]).toMatchObject({
      hidden: true,
    })
    expect(
      (await request(own, `/api/comments/${comment.id}`, { method: 'DELETE', cookie: writer.cookie })).status,
    ).toBe(204)
    expect(await queueItem(own, comment.id)).toMatchObject({
      text: 'Kort en fel',
      deleted: true,
      hidden: true,
      hiddenReason: 'reports',
    })
    const staff = await loginAs(own, 'staff')
    const restore = await request(own, `/api/staff/moderation/comment/${comment.id}`, {
      cookie: staff.cookie,
      body: { action: 'restore', reason: 'Fel, maar geen belediging' },
    })
    expect(restore.status).toBe(204)
    expect(await queueItem(own, comment.id)).toBeUndefined()
    const [shown] = (await json(await request(own, `/api/ideas/${idea.id}/comments`))).items
    expect(shown).toMatchObject({ deleted: true, hidden: false, body: '', author: null })
    expect(await count(idea.id, own)).toBe(0)
    expect(await bodyInDatabase(own, comment.id)).toBe('')
  })
})
