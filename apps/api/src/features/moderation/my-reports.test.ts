import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

// "Melden" once per person: the second report is answered clearly (not a conflict), and the
// idea page can ask what this person reported already, so it offers nothing more.
describe('reporting once per person', async () => {
  const ctx = createTestApp()
  const theme = await makeTheme(ctx.db)

  async function setup() {
    const writer = await loginAs(ctx, 'member')
    const reporter = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: writer.userId, themeId: theme.id })
    const comment = async (body: string) =>
      (await json(await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: writer.cookie, body: { body } })))
        .comment.id as number
    return {
      writer,
      reporter,
      idea,
      comments: [await comment('Koop mijn spullen'), await comment('Een gewone reactie')],
    }
  }

  const report = (cookie: string, subjectType: 'idea' | 'comment', subjectId: number, extra: object = {}) =>
    request(ctx, '/api/reports', { cookie, body: { subjectType, subjectId, reason: 'spam', ...extra } })

  it('thanks the first time, and says "already reported" the second time without changing anything', async () => {
    const { reporter, idea } = await setup()
    const first = await report(reporter.cookie, 'idea', idea.id, { note: 'Reclame' })
    expect(first.status).toBe(201)
    expect(await json(first)).toEqual({
      message: 'Bedankt voor uw melding. Een medewerker bekijkt het.',
      alreadyReported: false,
    })
    const before = await databaseDigest(ctx)
    const again = await report(reporter.cookie, 'idea', idea.id, { note: 'Toch iets anders' })
    expect(again.status).toBe(201)
    expect(await json(again)).toEqual({
      message: 'U hebt dit al gemeld. Een medewerker bekijkt het.',
      alreadyReported: true,
    })
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('tells a member which of an idea and its comments they reported, and nothing about other people’s reports', async () => {
    const { reporter, writer, idea, comments } = await setup()
    const mine = async (cookie: string, ideaId = idea.id) => {
      const res = await request(ctx, `/api/reports/mine?idea=${ideaId}`, { cookie })
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toContain('no-store')
      return json(res)
    }
    expect(await mine(reporter.cookie)).toEqual({ idea: false, comments: [] })
    await report(reporter.cookie, 'comment', comments[0] ?? 0)
    expect(await mine(reporter.cookie)).toEqual({ idea: false, comments: [comments[0]] })
    await report(reporter.cookie, 'idea', idea.id)
    expect(await mine(reporter.cookie)).toEqual({ idea: true, comments: [comments[0]] })
    expect(await mine(writer.cookie)).toEqual({ idea: false, comments: [] })
    const other = await makeIdea(ctx.db, { authorId: writer.userId, themeId: theme.id })
    expect(await mine(reporter.cookie, other.id)).toEqual({ idea: false, comments: [] })
  })

  it('asks visitors to log in, and wants a plain idea number', async () => {
    const { reporter } = await setup()
    expect((await request(ctx, '/api/reports/mine?idea=1')).status).toBe(401)
    const bad = await request(ctx, '/api/reports/mine?idea=abc', { cookie: reporter.cookie })
    expect(bad.status).toBe(422)
    expect(Object.keys((await json(bad)).error.fields)).toEqual(['idea'])
  })
})
