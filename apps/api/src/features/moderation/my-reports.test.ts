import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme } from '../../test/fixtures'
import { uploadPhoto } from '../../test/photo-upload'
import { createTestApp, databaseDigest, json, loginAs, request, type TestContext } from '../../test/test-app'

/** A photo added to an idea by its author, as the form sends it (multipart, file and alt text). */
async function addPhoto(ctx: TestContext, ideaId: number, cookie: string): Promise<number> {
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a8a3c' } })
    .jpeg()
    .toBuffer()
  const res = await uploadPhoto(ctx, ideaId, cookie, {
    bytes,
    name: 'bank.jpg',
    altText: 'Een kapotte bank in het park',
  })
  expect(res.status).toBe(201)
  return (await json(res)).photo.id as number
}

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

  const report = (cookie: string, subjectType: 'idea' | 'comment' | 'photo', subjectId: number, extra: object = {}) =>
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
    expect(await mine(reporter.cookie)).toEqual({ idea: false, comments: [], photos: [] })
    await report(reporter.cookie, 'comment', comments[0] ?? 0)
    expect(await mine(reporter.cookie)).toEqual({ idea: false, comments: [comments[0]], photos: [] })
    await report(reporter.cookie, 'idea', idea.id)
    expect(await mine(reporter.cookie)).toEqual({ idea: true, comments: [comments[0]], photos: [] })
    expect(await mine(writer.cookie)).toEqual({ idea: false, comments: [], photos: [] })
    const other = await makeIdea(ctx.db, { authorId: writer.userId, themeId: theme.id })
    expect(await mine(reporter.cookie, other.id)).toEqual({ idea: false, comments: [], photos: [] })
  })

  it('tells a member which photos of an idea they reported, and not those on another idea', async () => {
    const { reporter, writer, idea } = await setup()
    const first = await addPhoto(ctx, idea.id, writer.cookie)
    const second = await addPhoto(ctx, idea.id, writer.cookie)
    const other = await makeIdea(ctx.db, { authorId: writer.userId, themeId: theme.id })
    const elsewhere = await addPhoto(ctx, other.id, writer.cookie)
    expect((await report(reporter.cookie, 'photo', second)).status).toBe(201)
    expect((await report(reporter.cookie, 'photo', elsewhere)).status).toBe(201)
    const mine = async (ideaId: number) =>
      json(await request(ctx, `/api/reports/mine?idea=${ideaId}`, { cookie: reporter.cookie }))
    expect(await mine(idea.id)).toEqual({ idea: false, comments: [], photos: [second] })
    expect(await mine(other.id)).toEqual({ idea: false, comments: [], photos: [elsewhere] })
    expect(first).not.toBe(second)
  })

  it('asks visitors to log in, and wants a plain idea number', async () => {
    const { reporter } = await setup()
    expect((await request(ctx, '/api/reports/mine?idea=1')).status).toBe(401)
    const bad = await request(ctx, '/api/reports/mine?idea=abc', { cookie: reporter.cookie })
    expect(bad.status).toBe(422)
    expect(Object.keys((await json(bad)).error.fields)).toEqual(['idea'])
  })
})
