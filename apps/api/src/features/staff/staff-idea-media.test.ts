import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { ideas } from '../../db/schema'
import { makeIdea, makeTheme } from '../../test/fixtures'
import { uploadPhoto } from '../../test/photo-upload'
import { createTestApp, json, loginAs, request, type TestContext } from '../../test/test-app'

const ctx = createTestApp()
const theme = await makeTheme(ctx.db)
const author = await loginAs(ctx, 'member')
const staff = await loginAs(ctx, 'staff')

const ALT = 'Een scheve stoeptegel voor de ingang van de bibliotheek'

/** A photo as the browser uploads it (multipart: the file and its alt text in one request). */
async function upload(ideaId: number, cookie: string): Promise<Response> {
  const bytes = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a85' } })
    .jpeg()
    .toBuffer()
  return await uploadPhoto(ctx, ideaId, cookie, { bytes, name: 'tegel.jpg', altText: ALT })
}

async function staffIdea(c: TestContext, ideaId: number) {
  const res = await request(c, `/api/staff/ideas/${ideaId}`, { cookie: staff.cookie })
  expect(res.status).toBe(200)
  return (await json(res)).idea
}

describe('the idea as staff read it', () => {
  it('carries its place and its photos, as the public page shows them', async () => {
    const idea = await makeIdea(ctx.db, { authorId: author.userId, themeId: theme.id })
    await ctx.db
      .update(ideas)
      .set({ latitude: 53.16814, longitude: 6.78453, placeLabel: 'Kerkstraat 1, Hoogezand' })
      .where(eq(ideas.id, idea.id))
    const uploaded = await upload(idea.id, author.cookie)
    expect(uploaded.status).toBe(201)
    const { photo } = await json(uploaded)

    const read = await staffIdea(ctx, idea.id)
    expect(read.place).toEqual({ latitude: 53.16814, longitude: 6.78453, label: 'Kerkstraat 1, Hoogezand' })
    expect(read.photos).toEqual([photo])
    expect(read.photos[0]).toMatchObject({ altText: ALT })
    const publicRead = (await json(await request(ctx, `/api/ideas/${idea.id}`))).idea
    expect(read.photos).toEqual(publicRead.photos)
  })

  it('carries them for a hidden idea too, which the public cannot read', async () => {
    const idea = await makeIdea(ctx.db, { authorId: author.userId, themeId: theme.id })
    await ctx.db.update(ideas).set({ latitude: 53.1702, longitude: 6.7601 }).where(eq(ideas.id, idea.id))
    expect((await upload(idea.id, author.cookie)).status).toBe(201)
    await ctx.db.update(ideas).set({ hidden: 1 }).where(eq(ideas.id, idea.id))

    expect((await request(ctx, `/api/ideas/${idea.id}`)).status).toBe(404)
    const read = await staffIdea(ctx, idea.id)
    expect(read.place).toEqual({ latitude: 53.1702, longitude: 6.7601, label: null })
    expect(read.photos).toHaveLength(1)
    expect(read.photos[0].altText).toBe(ALT)
  })
})
