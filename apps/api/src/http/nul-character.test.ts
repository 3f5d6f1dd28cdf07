import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../test/test-app'

// U+0000 cannot be stored in PostgreSQL's text (the write failed as a 500 there), and no
// person types it: every engine refuses it with the one error shape, before anything is read.
describe('the NUL character', () => {
  it('is refused in any JSON text with 422, changing nothing', async () => {
    const ctx = createTestApp()
    const idea = await makeIdea(ctx.db, {
      authorId: (await makeUser(ctx.db)).id,
      themeId: (await makeTheme(ctx.db)).id,
    })
    const member = await loginAs(ctx, 'member')
    const before = await databaseDigest(ctx)
    const res = await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: member.cookie,
      body: { body: 'Een reactie met een nul\u0000teken erin.' },
    })
    expect(res.status).toBe(422)
    expect((await json(res)).error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/NUL/) })
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('is refused in a query string, and a backslash-u-0000 typed as text is just text', async () => {
    const ctx = createTestApp()
    const search = await request(ctx, '/api/ideas?q=fiets%00pad')
    expect(search.status).toBe(422)
    expect((await json(search)).error.code).toBe('validation_failed')
    const idea = await makeIdea(ctx.db, {
      authorId: (await makeUser(ctx.db)).id,
      themeId: (await makeTheme(ctx.db)).id,
    })
    const member = await loginAs(ctx, 'member')
    const typed = await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: member.cookie,
      body: { body: 'In JSON schrijf je dat teken als \\u0000, zegt mijn neef.' },
    })
    expect(typed.status).toBe(201)
  })
})
