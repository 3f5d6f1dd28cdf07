import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../app'
import { liveEvents } from '../../db/schema'
import { emitIdeaEvent } from '../../live/live.data'
import { LiveHub, type LiveLimits } from '../../live/live-hub'
import { testSettings } from '../../settings'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import {
  createTestApp,
  json,
  loginAs,
  openSecondHandle,
  PASSWORD,
  request,
  TestClock,
  type TestContext,
} from '../../test/test-app'

type Stream = { res: Response; reader: ReadableStreamDefaultReader<Uint8Array>; buffer: string }

/**
 * Another server process on the same database file: its own connection, its own hub (polling
 * every 50 ms so the tests need not wait), behind a proxy so X-Forwarded-For names the client.
 */
function otherProcess(ctx: TestContext, limits?: LiveLimits) {
  const db = openSecondHandle(ctx)
  const hub = new LiveHub(db, undefined, 50, limits)
  const app = createApp({
    db,
    settings: testSettings({
      webDist: ctx.settings.webDist,
      trustProxy: true,
    }),
    logger: pino({ level: 'silent' }),
    clock: new TestClock(ctx.clock.now()),
    live: hub,
  })
  return { app, hub }
}

async function open(
  app: ReturnType<typeof createApp>,
  query: string,
  from: { ip?: string; cookie?: string } = {},
): Promise<Stream> {
  const headers: Record<string, string> = { 'x-forwarded-for': from.ip ?? '192.0.2.1' }
  if (from.cookie) headers.cookie = from.cookie
  const res = await app.request(`/api/live${query}`, { headers })
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  return { res, reader, buffer: '' }
}

/** The next event other than a notification count (which a block or role change may send first). */
async function nextButCounts(stream: Stream): Promise<{ event: string; data: unknown } | 'closed' | 'silent'> {
  for (;;) {
    const next = await nextEvent(stream)
    if (typeof next !== 'object' || next.event !== 'notifications') return next
  }
}

/** The next event on the stream (name and data), 'closed' when the server ended it, or 'silent'. */
async function nextEvent(stream: Stream, ms = 3000): Promise<{ event: string; data: unknown } | 'closed' | 'silent'> {
  const decoder = new TextDecoder()
  const deadline = Date.now() + ms
  for (;;) {
    const match = /(?:^|\n)event: ([a-z]+)\ndata: (.*)\n(?:.*\n)*?\n/.exec(stream.buffer)
    if (match) {
      stream.buffer = stream.buffer.slice(match.index + match[0].length)
      return { event: match[1] ?? '', data: JSON.parse(match[2] ?? 'null') }
    }
    const left = deadline - Date.now()
    if (left <= 0) return 'silent'
    const timeout = new Promise<'silent'>((resolve) => setTimeout(() => resolve('silent'), left))
    const read = await Promise.race([stream.reader.read(), timeout])
    if (read === 'silent') return 'silent'
    if (read.done) return 'closed'
    stream.buffer += decoder.decode(read.value)
  }
}

async function closeAll(streams: Stream[]): Promise<void> {
  await Promise.all(streams.map((s) => s.reader.cancel().catch(() => {})))
}

describe('live stream caps', () => {
  it('refuses a stream above the total cap with 503, Retry-After and the one error shape, allocating nothing', async () => {
    const ctx = createTestApp()
    const idea = await makeIdea(ctx.db, {
      authorId: (await makeUser(ctx.db)).id,
      themeId: (await makeTheme(ctx.db)).id,
    })
    const { app, hub } = otherProcess(ctx, { total: 3, perClient: 10 })
    const streams = [
      await open(app, `?idea=${idea.id}`, { ip: '192.0.2.1' }),
      await open(app, '', { ip: '192.0.2.2' }),
      await open(app, `?idea=${idea.id}`, { ip: '192.0.2.3' }),
    ]
    for (const s of streams) expect(s.res.status).toBe(200)

    const refused = await app.request(`/api/live?idea=${idea.id}`, { headers: { 'x-forwarded-for': '192.0.2.4' } })
    expect(refused.status).toBe(503)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers.get('content-type')).toMatch(/application\/json/)
    const body = await json(refused)
    expect(body.error.code).toBe('unavailable')
    expect(body.error.message).toMatch(/live/)
    expect(hub.size).toBe(3)

    // A closed stream frees its place at once.
    await closeAll(streams.slice(0, 1))
    await new Promise((r) => setTimeout(r, 10))
    expect(hub.size).toBe(2)
    const again = await open(app, `?idea=${idea.id}`, { ip: '192.0.2.4' })
    expect(again.res.status).toBe(200)
    await closeAll([...streams, again])
    hub.stop()
  })

  it("refuses a visitor's stream above the per-address cap, while another address still gets one", async () => {
    const ctx = createTestApp()
    const { app, hub } = otherProcess(ctx, { total: 100, perClient: 2 })
    const household = [await open(app, '', { ip: '198.51.100.7' }), await open(app, '', { ip: '198.51.100.7' })]
    for (const s of household) expect(s.res.status).toBe(200)

    const third = await app.request('/api/live', { headers: { 'x-forwarded-for': '198.51.100.7' } })
    expect(third.status).toBe(503)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await json(third)).error.code).toBe('unavailable')

    const neighbour = await open(app, '', { ip: '198.51.100.8' })
    expect(neighbour.res.status).toBe(200)
    expect(hub.size).toBe(3)
    await closeAll([...household, neighbour])
    hub.stop()
  })

  it('counts a whole IPv6 /64 as one visitor, as the rate limits do', async () => {
    const ctx = createTestApp()
    const { app, hub } = otherProcess(ctx, { total: 100, perClient: 2 })
    const home = [await open(app, '', { ip: '2001:db8:1:2::a' }), await open(app, '', { ip: '2001:db8:1:2::b' })]
    for (const s of home) expect(s.res.status).toBe(200)
    const fresh = await app.request('/api/live', { headers: { 'x-forwarded-for': '2001:db8:1:2:ffff::c' } })
    expect(fresh.status).toBe(503)
    const elsewhere = await open(app, '', { ip: '2001:db8:1:3::a' })
    expect(elsewhere.res.status).toBe(200)
    await closeAll([...home, elsewhere])
    hub.stop()
  })

  it("counts a member's streams by account, from whatever address they come", async () => {
    const ctx = createTestApp()
    const member = await loginAs(ctx, 'member')
    const { app, hub } = otherProcess(ctx, { total: 100, perClient: 2 })
    const tabs = [
      await open(app, '', { ip: '203.0.113.1', cookie: member.cookie }),
      await open(app, '', { ip: '203.0.113.2', cookie: member.cookie }),
    ]
    for (const s of tabs) expect(s.res.status).toBe(200)
    const third = await app.request('/api/live', {
      headers: { 'x-forwarded-for': '203.0.113.3', cookie: member.cookie },
    })
    expect(third.status).toBe(503)
    // A visitor on the member's first address is another client.
    const visitor = await open(app, '', { ip: '203.0.113.1' })
    expect(visitor.res.status).toBe(200)
    await closeAll([...tabs, visitor])
    hub.stop()
  })
})

describe('live streams and sessions', () => {
  it("ends a member's stream at logout, also when the logout went through another process", async () => {
    const ctx = createTestApp()
    const idea = await makeIdea(ctx.db, {
      authorId: (await makeUser(ctx.db)).id,
      themeId: (await makeTheme(ctx.db)).id,
    })
    const member = await loginAs(ctx, 'member')
    const other = otherProcess(ctx)
    const stream = await open(other.app, `?idea=${idea.id}`, { cookie: member.cookie })
    expect(await nextEvent(stream)).toMatchObject({ event: 'ready' })
    expect(await nextEvent(stream)).toEqual({ event: 'notifications', data: { unread: 0 } })

    const out = await request(ctx, '/api/auth/logout', { method: 'POST', cookie: member.cookie })
    expect(out.status).toBe(204)
    expect(await nextEvent(stream)).toEqual({ event: 'end', data: { reason: 'session' } })
    expect(await nextEvent(stream)).toBe('closed')
    expect(other.hub.size).toBe(0)
    other.hub.stop()
  })

  it("ends a member's stream when staff block them", async () => {
    const ctx = createTestApp()
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const other = otherProcess(ctx)
    const stream = await open(other.app, '', { cookie: member.cookie })
    expect(await nextEvent(stream)).toMatchObject({ event: 'ready' })

    const block = await request(ctx, `/api/staff/users/${member.userId}/block`, {
      cookie: staff.cookie,
      body: { reason: 'Herhaaldelijk scheldwoorden in reacties.' },
    })
    expect(block.status).toBe(204)
    expect(await nextButCounts(stream)).toEqual({ event: 'end', data: { reason: 'session' } })
    expect(await nextEvent(stream)).toBe('closed')
    other.hub.stop()
  })

  it("ends a member's stream when an admin changes their role", async () => {
    const ctx = createTestApp()
    const member = await loginAs(ctx, 'member')
    const admin = await loginAs(ctx, 'admin')
    const other = otherProcess(ctx)
    const stream = await open(other.app, '', { cookie: member.cookie })
    expect(await nextEvent(stream)).toMatchObject({ event: 'ready' })
    const change = await request(ctx, `/api/admin/users/${member.userId}/role`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { role: 'staff' },
    })
    expect(change.status).toBe(200)
    expect(await nextButCounts(stream)).toEqual({ event: 'end', data: { reason: 'session' } })
    expect(await nextEvent(stream)).toBe('closed')
    other.hub.stop()
  })

  it("ends a member's stream when they erase their account", async () => {
    const ctx = createTestApp()
    const member = await loginAs(ctx, 'member')
    const other = otherProcess(ctx)
    const stream = await open(other.app, '', { cookie: member.cookie })
    expect(await nextEvent(stream)).toMatchObject({ event: 'ready' })
    const erase = await request(ctx, '/api/me', {
      method: 'DELETE',
      cookie: member.cookie,
      body: { password: PASSWORD },
    })
    expect(erase.status).toBe(204)
    expect(await nextButCounts(stream)).toEqual({ event: 'end', data: { reason: 'session' } })
    expect(await nextEvent(stream)).toBe('closed')
    other.hub.stop()
  })

  it("keeps a member's stream open while their session lasts", async () => {
    const ctx = createTestApp()
    const member = await loginAs(ctx, 'member')
    const someoneElse = await loginAs(ctx, 'member')
    const other = otherProcess(ctx)
    const stream = await open(other.app, '', { cookie: member.cookie })
    expect(await nextEvent(stream)).toMatchObject({ event: 'ready' })
    expect(await nextEvent(stream)).toMatchObject({ event: 'notifications' })
    // Another person's logout ends only their own session.
    await request(ctx, '/api/auth/logout', { method: 'POST', cookie: someoneElse.cookie })
    expect(await nextEvent(stream, 300)).toBe('silent')
    expect(other.hub.size).toBe(1)
    await closeAll([stream])
    other.hub.stop()
  })
})

describe('live streams and hidden ideas', () => {
  it('answers 404 for an unknown idea and for a hidden one, as GET /api/ideas/{id} does', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const hidden = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, hidden: true })
    const member = await loginAs(ctx, 'member')
    for (const cookie of [undefined, member.cookie]) {
      for (const id of [hidden.id, hidden.id + 1000]) {
        expect((await request(ctx, `/api/ideas/${id}`, { cookie })).status).toBe(404)
        const res = await request(ctx, `/api/live?idea=${id}`, { cookie })
        expect(res.status).toBe(404)
        expect((await json(res)).error.code).toBe('not_found')
      }
    }
  })

  it('stops sending the events of an idea once it is hidden', async () => {
    const ctx = createTestApp()
    const idea = await makeIdea(ctx.db, {
      authorId: (await makeUser(ctx.db)).id,
      themeId: (await makeTheme(ctx.db)).id,
    })
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const other = otherProcess(ctx)
    const stream = await open(other.app, `?idea=${idea.id}`, { cookie: member.cookie })
    expect(await nextEvent(stream)).toMatchObject({ event: 'ready' })
    expect(await nextEvent(stream)).toMatchObject({ event: 'notifications' })

    await emitIdeaEvent(ctx.db, 'votes', idea.id, 4, ctx.clock.now())
    expect(await nextEvent(stream)).toEqual({ event: 'votes', data: { ideaId: idea.id, voteCount: 4 } })

    const hide = await request(ctx, `/api/staff/moderation/idea/${idea.id}`, {
      cookie: staff.cookie,
      body: { action: 'hide', reason: 'Bevat persoonsgegevens van een buurman.' },
    })
    expect(hide.status).toBe(204)
    // A count written by a request that was still under way, then something for the member.
    await emitIdeaEvent(ctx.db, 'votes', idea.id, 5, ctx.clock.now())
    await ctx.db.insert(liveEvents).values({ kind: 'notifications', userId: member.userId, createdAt: ctx.clock.now() })
    expect(await nextEvent(stream)).toEqual({ event: 'notifications', data: { unread: 0 } })
    await closeAll([stream])
    other.hub.stop()
  })
})
