import { gunzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp, json, loginAs, request, type TestContext } from '../test/test-app'
import { acceptsGzip } from './visitor-cache'

// Anonymous reads of ideas are kept until anything changes (decision 012). What matters to
// a visitor: they never see old data after a change, and a browser can revalidate cheaply.

let ctx: TestContext
let ideaId: number

beforeEach(() => {
  ctx = createTestApp()
  const theme = makeTheme(ctx.db)
  const author = makeUser(ctx.db)
  ideaId = makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Een bankje bij de bushalte' }).id
})

describe('anonymous reads of ideas', () => {
  it('are answered with an ETag, and asking again with it gives 304 without a body', async () => {
    // An idea's own page is stored in the database instead (idea-pages.test.ts).
    for (const url of ['/api/ideas?sort=new', `/api/ideas/${ideaId}/comments`]) {
      const first = await request(ctx, url)
      expect(first.status).toBe(200)
      const etag = first.headers.get('etag')
      expect(etag, url).toMatch(/^W\/".+"$/)
      expect(first.headers.get('vary')).toBe('Cookie, Accept-Encoding')
      const body = await first.text()
      const again = await request(ctx, url)
      expect(await again.text()).toBe(body)
      expect(again.headers.get('etag')).toBe(etag)
      const revalidated = await request(ctx, url, { headers: { 'if-none-match': etag ?? '' } })
      expect(revalidated.status).toBe(304)
      expect(await revalidated.text()).toBe('')
    }
  })

  it('are sent compressed to a browser that takes gzip, and as plain JSON to one that does not', async () => {
    for (const url of ['/api/ideas?sort=new', `/api/ideas/${ideaId}/comments`]) {
      // The first answer is built, the second comes from memory: both ways, both encodings.
      for (const attempt of ['built', 'kept']) {
        const zipped = await request(ctx, url, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
        expect(zipped.headers.get('content-encoding'), `${url} ${attempt}`).toBe('gzip')
        const unzipped = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')
        const plain = await request(ctx, url, { headers: { 'accept-encoding': 'gzip;q=0, identity' } })
        expect(plain.headers.get('content-encoding')).toBeNull()
        expect(await plain.text()).toBe(unzipped)
        expect(JSON.parse(unzipped)).toBeTypeOf('object')
      }
    }
  })

  it('read Accept-Encoding as HTTP means it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true)
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('gzip;q=0.0, identity')).toBe(false)
    expect(acceptsGzip('identity')).toBe(false)
    expect(acceptsGzip('xgzip')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })

  it('show a vote and a new comment at once', async () => {
    const list = async () => (await json(await request(ctx, '/api/ideas?sort=new'))).items as { voteCount: number }[]
    const page = async () => json(await request(ctx, `/api/ideas/${ideaId}`))
    expect((await list())[0]?.voteCount).toBe(0)
    const before = await request(ctx, `/api/ideas/${ideaId}`)
    const etag = before.headers.get('etag') ?? ''

    const member = await loginAs(ctx, 'member')
    expect((await request(ctx, `/api/ideas/${ideaId}/vote`, { method: 'PUT', cookie: member.cookie })).status).toBe(200)
    expect((await list())[0]?.voteCount).toBe(1)
    expect((await page()).idea.voteCount).toBe(1)
    // The browser's copy is out of date now: the old tag no longer matches.
    expect((await request(ctx, `/api/ideas/${ideaId}`, { headers: { 'if-none-match': etag } })).status).toBe(200)

    const comment = await request(ctx, `/api/ideas/${ideaId}/comments`, {
      body: { body: 'Goed plan, graag ook een prullenbak.' },
      cookie: member.cookie,
    })
    expect(comment.status).toBe(201)
    expect((await page()).comments.items).toHaveLength(1)
  })

  it('show a change made by another process within a second', async () => {
    expect((await json(await request(ctx, `/api/ideas/${ideaId}`))).idea.title).toBe('Een bankje bij de bushalte')
    const other = new Database(ctx.file)
    other.prepare('update ideas set title = ? where id = ?').run('Twee bankjes bij de bushalte', ideaId)
    other.close()
    ctx.clock.advance(1_000)
    expect((await json(await request(ctx, `/api/ideas/${ideaId}`))).idea.title).toBe('Twee bankjes bij de bushalte')
  })

  it('recount the days a new idea has waited as time passes', async () => {
    const waited = async () => (await json(await request(ctx, `/api/ideas/${ideaId}`))).idea.waitingWorkingDays
    const now = await waited()
    ctx.clock.advance(7 * 24 * 60 * 60 * 1000)
    expect(await waited()).toBe(now + 5)
  })

  it('each expire a minute after they were made, not all at once', async () => {
    const etag = async (url: string) => (await request(ctx, url)).headers.get('etag')
    const older = await etag('/api/ideas?sort=new')
    ctx.clock.advance(40_000)
    const newer = await etag(`/api/ideas/${ideaId}/comments`)
    ctx.clock.advance(30_000)
    expect(await etag('/api/ideas?sort=new')).not.toBe(older)
    expect(await etag(`/api/ideas/${ideaId}/comments`)).toBe(newer)
  })

  it('are never kept for someone signed in: their answers hold their own vote', async () => {
    const member = await loginAs(ctx, 'member')
    await request(ctx, `/api/ideas/${ideaId}`)
    await request(ctx, `/api/ideas/${ideaId}/vote`, { method: 'PUT', cookie: member.cookie })
    const own = await request(ctx, `/api/ideas/${ideaId}`, { cookie: member.cookie })
    expect(own.headers.get('etag')).toBeNull()
    expect((await json(own)).idea.hasVoted).toBe(true)
    expect((await json(await request(ctx, `/api/ideas/${ideaId}`))).idea.hasVoted).toBe(false)
  })

  it('never keep an error: a refused or unknown request is answered afresh each time', async () => {
    const missing = await request(ctx, '/api/ideas/999999')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('etag')).toBeNull()
    expect((await request(ctx, '/api/ideas?sort=nonsense')).status).toBe(422)
  })
})
