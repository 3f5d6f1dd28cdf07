import { and, asc, eq } from 'drizzle-orm'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../app'
import { closeDatabase } from '../../db/open'
import { ideas, mailOutbox, notifications, users } from '../../db/schema'
import { LiveHub } from '../../live/live-hub'
import { mailNotifications } from '../../notify/mail-notifications'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, openSecondHandle, request, TestClock } from '../../test/test-app'
import { announceOpenedCampaigns } from './campaigns.data'

describe('campaign phases', async () => {
  const ctx = createTestApp()
  const theme = await makeTheme(ctx.db)

  async function campaign(voting: boolean) {
    ctx.clock.set('2026-11-01T09:00:00+01:00')
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, '/api/staff/campaigns', {
      cookie: staff.cookie,
      body: {
        title: 'Hoe maken we het centrum van Hoogezand groener?',
        description: 'We willen het centrum groener maken. Welke plekken kunnen beter?',
        themeId: theme.id,
        targetGroups: ['resident', 'entrepreneur'],
        ideasFrom: '2026-11-02T00:00:00+01:00',
        ideasUntil: '2026-11-16T00:00:00+01:00',
        ...(voting ? { votingFrom: '2026-11-16T00:00:00+01:00', votingUntil: '2026-11-30T00:00:00+01:00' } : {}),
      },
    })
    expect(res.status).toBe(201)
    return (await json(res)).campaign
  }

  it('takes ideas exactly from the start of the ideas phase until (not at) its end', async () => {
    const c = await campaign(true)
    const propose = async (iso: string) => {
      ctx.clock.set(iso)
      const m = await loginAs(ctx, 'member')
      return request(ctx, '/api/ideas', {
        cookie: m.cookie,
        body: {
          title: 'Bloembakken in de Hoofdstraat',
          body: 'Zet bloembakken in de Hoofdstraat, dat oogt vriendelijk.',
          themeId: theme.id,
          campaignId: c.id,
        },
      })
    }
    expect((await propose('2026-11-01T23:59:59.999+01:00')).status).toBe(409)
    expect((await propose('2026-11-02T00:00:00+01:00')).status).toBe(201)
    expect((await propose('2026-11-15T23:59:59.999+01:00')).status).toBe(201)
    expect((await propose('2026-11-16T00:00:00+01:00')).status).toBe(409)
    const list = await json(await request(ctx, `/api/ideas?campaign=${c.id}`))
    expect(list.items).toHaveLength(2)
    ctx.clock.set('2026-11-16T00:00:00+01:00')
    expect((await json(await request(ctx, `/api/campaigns/${c.id}`))).campaign).toMatchObject({
      phase: 'voting',
      ideaCount: 2,
    })
  })

  it('takes votes on campaign ideas only in the voting phase', async () => {
    const c = await campaign(true)
    const author = await makeUser(ctx.db)
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    await ctx.db.update(ideas).set({ campaignId: c.id }).where(eq(ideas.id, idea.id))
    const vote = async (iso: string) => {
      ctx.clock.set(iso)
      const m = await loginAs(ctx, 'member')
      return request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: m.cookie })
    }
    const before = await vote('2026-11-15T23:59:59.999+01:00')
    expect(before.status).toBe(409)
    expect((await json(before)).error.message).toBe(
      'Bij deze meedenkvraag kunt u alleen stemmen van 16 november 2026 tot 30 november 2026.',
    )
    expect((await vote('2026-11-16T00:00:00+01:00')).status).toBe(200)
    expect((await vote('2026-11-29T23:59:59.999+01:00')).status).toBe(200)
    const after = await vote('2026-11-30T00:00:00+01:00')
    expect(after.status).toBe(409)
    expect((await json(after)).error.message).toBe(
      'Het stemmen bij deze meedenkvraag is voorbij sinds 30 november 2026.',
    )
  })

  it('takes votes at any time when the campaign has no voting phase', async () => {
    const c = await campaign(false)
    const author = await makeUser(ctx.db)
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    await ctx.db.update(ideas).set({ campaignId: c.id }).where(eq(ideas.id, idea.id))
    ctx.clock.set('2026-12-20T12:00:00+01:00')
    const m = await loginAs(ctx, 'member')
    expect((await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: m.cookie })).status).toBe(200)
  })

  it('refuses dates out of order, and publishes the outcome', async () => {
    const staff = await loginAs(ctx, 'staff')
    const bad = await request(ctx, '/api/staff/campaigns', {
      cookie: staff.cookie,
      body: {
        title: 'Een vraag met verkeerde datums',
        description: 'De einddatum ligt voor de begindatum, dat kan niet.',
        themeId: theme.id,
        targetGroups: ['resident'],
        ideasFrom: '2026-12-10T00:00:00+01:00',
        ideasUntil: '2026-12-01T00:00:00+01:00',
        votingFrom: '2026-12-11T00:00:00+01:00',
      },
    })
    expect(bad.status).toBe(422)
    expect(Object.keys((await json(bad)).error.fields).sort()).toEqual(['ideasUntil', 'votingUntil'])
    const c = await campaign(false)
    const staffNow = await loginAs(ctx, 'staff')
    const res = await request(ctx, `/api/staff/campaigns/${c.id}/outcome`, {
      cookie: staffNow.cookie,
      body: { outcome: 'We planten twintig bomen in het centrum, op de plekken die u noemde.' },
    })
    expect((await json(res)).campaign.outcome).toBe(
      'We planten twintig bomen in het centrum, op de plekken die u noemde.',
    )
  })

  it('refuses to publish the outcome with 409 until the vote has closed, and changes nothing', async () => {
    const c = await campaign(true)
    const publish = async (iso: string) => {
      ctx.clock.set(iso)
      const staff = await loginAs(ctx, 'staff')
      return request(ctx, `/api/staff/campaigns/${c.id}/outcome`, {
        cookie: staff.cookie,
        body: { outcome: 'We planten twintig bomen in het centrum, op de plekken die u noemde.' },
      })
    }
    for (const iso of ['2026-11-05T12:00:00+01:00', '2026-11-16T00:00:00+01:00', '2026-11-29T23:59:59.999+01:00']) {
      ctx.clock.set(iso)
      const staff = await loginAs(ctx, 'staff')
      const before = await databaseDigest(ctx)
      const refused = await request(ctx, `/api/staff/campaigns/${c.id}/outcome`, {
        cookie: staff.cookie,
        body: { outcome: 'We planten twintig bomen in het centrum, op de plekken die u noemde.' },
      })
      expect(refused.status, iso).toBe(409)
      expect((await json(refused)).error.message).toBe(
        'Het stemmen loopt nog tot 30 november 2026. Publiceer de uitkomst als het stemmen voorbij is.',
      )
      expect(await databaseDigest(ctx), iso).toBe(before)
    }
    expect((await json(await request(ctx, `/api/campaigns/${c.id}`))).campaign).toMatchObject({
      phase: 'voting',
      outcome: null,
      outcomePublishedAt: null,
    })
    const published = await publish('2026-11-30T00:00:00+01:00')
    expect(published.status).toBe(200)
    expect((await json(published)).campaign).toMatchObject({ phase: 'outcome', outcomePublishedAt: expect.any(String) })
  })

  it('tells members of the invited target groups once when a campaign opens', async () => {
    const fresh = createTestApp()
    const t = await makeTheme(fresh.db)
    const resident = await makeUser(fresh.db, { targetGroup: 'resident' })
    const organisation = await makeUser(fresh.db, { targetGroup: 'organisation' })
    fresh.clock.set('2026-11-01T09:00:00+01:00')
    const staff = await loginAs(fresh, 'staff')
    const member = await loginAs(fresh, 'member')
    const created = await request(fresh, '/api/staff/campaigns', {
      cookie: staff.cookie,
      body: {
        title: 'Wat vindt u van de bibliotheek?',
        description: 'Vertel ons wat er beter kan in de bibliotheek van Hoogezand.',
        themeId: t.id,
        targetGroups: ['resident'],
        ideasFrom: '2026-11-02T00:00:00+01:00',
        ideasUntil: '2026-11-16T00:00:00+01:00',
      },
    })
    expect(await announceOpenedCampaigns(fresh.db, fresh.clock.now())).toBe(0)
    fresh.clock.set('2026-11-02T00:00:00+01:00')
    const notified = await announceOpenedCampaigns(fresh.db, fresh.clock.now())
    expect(await announceOpenedCampaigns(fresh.db, fresh.clock.now())).toBe(0)
    const rows = await fresh.db.select().from(notifications)
    expect(rows.map((r) => r.userId)).toContain(resident.id)
    expect(rows.map((r) => r.userId)).not.toContain(organisation.id)
    expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length)
    expect(notified).toBe(rows.length)
    const { campaign } = (await created.json()) as { campaign: { id: number } }
    const mine = await request(fresh, '/api/me/notifications', { cookie: member.cookie })
    expect(((await mine.json()) as { items: unknown[] }).items).toEqual([
      expect.objectContaining({
        kind: 'campaign_opened',
        campaignId: campaign.id,
        campaignTitle: 'Wat vindt u van de bibliotheek?',
      }),
    ])
  })
})

describe('"ik denk mee" and progress updates', async () => {
  const ctx = createTestApp()
  const theme = await makeTheme(ctx.db)

  it('lets members offer help on planned work; staff see who, other members never see addresses', async () => {
    const author = await makeUser(ctx.db)
    const planned = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'planned' })
    const fresh = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const helper = await loginAs(ctx, 'member', 'helper@example.org')
    const other = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    expect(
      (await request(ctx, `/api/ideas/${fresh.id}/help`, { method: 'PUT', cookie: helper.cookie, body: {} })).status,
    ).toBe(409)
    const offer = await request(ctx, `/api/ideas/${planned.id}/help`, {
      method: 'PUT',
      cookie: helper.cookie,
      body: { note: 'Ik ben hovenier en help graag met planten.' },
    })
    expect(await json(offer)).toEqual({ helperCount: 1, isHelping: true })
    const publicView = await request(ctx, `/api/ideas/${planned.id}`, { cookie: other.cookie })
    const text = await publicView.text()
    expect(JSON.parse(text).idea).toMatchObject({ helperCount: 1, isHelping: false })
    expect(text).not.toContain('helper@example.org')
    const forStaff = await json(await request(ctx, `/api/staff/ideas/${planned.id}/helpers`, { cookie: staff.cookie }))
    expect(forStaff.items[0]).toMatchObject({
      email: 'helper@example.org',
      note: 'Ik ben hovenier en help graag met planten.',
    })
    expect((await request(ctx, `/api/staff/ideas/${planned.id}/helpers`, { cookie: other.cookie })).status).toBe(403)
    const back = await request(ctx, `/api/ideas/${planned.id}/help`, { method: 'DELETE', cookie: helper.cookie })
    expect(await json(back)).toEqual({ helperCount: 0, isHelping: false })
  })

  it('sends a progress update to exactly the followers, not the author of the update', async () => {
    const author = await makeUser(ctx.db)
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'in_progress' })
    const [a, b] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const staff = await loginAs(ctx, 'staff')
    for (const who of [a, b, staff])
      await request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'PUT', cookie: who.cookie })
    await request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'PUT', cookie: a.cookie })
    const res = await request(ctx, `/api/staff/ideas/${idea.id}/updates`, {
      cookie: staff.cookie,
      body: { body: 'De eerste tien bomen staan er. Volgende week komen de rest.' },
    })
    expect(res.status).toBe(201)
    expect((await json(res)).idea.progressUpdates[0].bodyHtml).toContain('De eerste tien bomen')
    const told = await ctx.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.ideaId, idea.id), eq(notifications.kind, 'progress_update')))
      .orderBy(asc(notifications.userId))
    expect(told.map((r) => r.userId)).toEqual([a.userId, b.userId].sort((x, y) => x - y))
  })

  it('tells the person replied to, but not someone replying to themselves', async () => {
    const author = await makeUser(ctx.db)
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const [a, b] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const { comment } = await json(
      await request(ctx, `/api/ideas/${idea.id}/comments`, { cookie: a.cookie, body: { body: 'Goed idee' } }),
    )
    await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: a.cookie,
      body: { body: 'Aanvulling van mij', parentId: comment.id },
    })
    await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: b.cookie,
      body: { body: 'Helemaal mee eens', parentId: comment.id },
    })
    const replies = await ctx.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.kind, 'reply'), eq(notifications.ideaId, idea.id)))
    expect(replies).toEqual([{ userId: a.userId }])
  })
})

describe('notification mail', async () => {
  const ctx = createTestApp({ devMailbox: true })
  const theme = await makeTheme(ctx.db)

  async function follower(frequency: 'immediately' | 'daily' | 'never', email: string) {
    const m = await loginAs(ctx, 'member', email)
    await request(ctx, '/api/me', { method: 'PATCH', cookie: m.cookie, body: { emailFrequency: frequency } })
    return m
  }

  it('mails at once, as a daily digest grouped per idea, or never, as each person chose', async () => {
    ctx.clock.set('2026-11-10T09:00:00+01:00')
    const now = await follower('immediately', 'direct@example.org')
    const daily = await follower('daily', 'dagelijks@example.org')
    const never = await follower('never', 'nooit@example.org')
    const author = await makeUser(ctx.db)
    const one = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Bankjes bij de vijver' })
    const two = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Verlichting op het fietspad' })
    for (const who of [now, daily, never]) {
      for (const idea of [one, two])
        await request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'PUT', cookie: who.cookie })
    }
    const staff = await loginAs(ctx, 'staff')
    const explanation = 'We bekijken dit idee deze maand met het team.'
    for (const idea of [one, two]) {
      await request(ctx, `/api/ideas/${idea.id}/status`, {
        cookie: staff.cookie,
        body: { status: 'under_review', explanation },
      })
    }
    expect(await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())).toBe(2)
    const mails = await ctx.db.select().from(mailOutbox)
    const to = (address: string) => mails.filter((m) => m.toAddress === address)
    expect(to('direct@example.org')).toHaveLength(1)
    expect(to('nooit@example.org')).toHaveLength(0)
    const digest = to('dagelijks@example.org')
    expect(digest).toHaveLength(1)
    expect(digest[0]?.subject).toBe('Uw dagelijkse overzicht van Meedenken')
    expect(digest[0]?.text).toContain('Bankjes bij de vijver')
    expect(digest[0]?.text).toContain('Verlichting op het fietspad')
    expect(digest[0]?.text).toContain('De status is nu: In behandeling.')
    expect(digest[0]?.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
    expect(digest[0]?.text).toMatch(/\/afmelden\?u=\d+&t=/)

    // More news the same day: the direct reader hears at once, the digest waits a day.
    const late = await loginAs(ctx, 'staff')
    await request(ctx, `/api/ideas/${one.id}/status`, { cookie: late.cookie, body: { status: 'planned', explanation } })
    expect(await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())).toBe(1)
    ctx.clock.advance(24 * 3_600_000)
    expect(await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())).toBe(1)
    expect(
      (await ctx.db.select().from(mailOutbox)).filter((m) => m.toAddress === 'dagelijks@example.org'),
    ).toHaveLength(2)
    expect(await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())).toBe(0)
  })

  it('unsubscribes with the signed link only for the person it was made for', async () => {
    const text =
      (await ctx.db.select().from(mailOutbox)).find((m) => m.toAddress === 'dagelijks@example.org')?.text ?? ''
    const [, u, t] = /\/afmelden\?u=(\d+)&t=([A-Za-z0-9_-]+)/.exec(text) ?? []
    const other = await loginAs(ctx, 'member')
    expect((await request(ctx, `/api/unsubscribe?u=${other.userId}&t=${t}`, { method: 'POST' })).status).toBe(403)
    expect((await request(ctx, `/api/unsubscribe?u=${u}&t=${t}x`, { method: 'POST' })).status).toBe(403)
    expect((await request(ctx, `/api/unsubscribe?u=${u}&t=${'A'.repeat(43)}`, { method: 'POST' })).status).toBe(403)
    // A mail program's one-click POST carries a form body; it must work too.
    const ok = await request(ctx, `/api/unsubscribe?u=${u}&t=${t}`, {
      method: 'POST',
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(ok.status).toBe(200)
    const rows = await ctx.db
      .select({ emailFrequency: users.emailFrequency })
      .from(users)
      .where(eq(users.id, Number(u)))
    expect(rows).toEqual([{ emailFrequency: 'never' }])
  })
})

describe('live updates', () => {
  async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, name: string): Promise<unknown> {
    const decoder = new TextDecoder()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error('stream ended')
      buffer += decoder.decode(value)
      const match = new RegExp(`event: ${name}\\ndata: (.*)\\n`).exec(buffer)
      if (match?.[1]) return JSON.parse(match[1])
    }
  }

  it('delivers a vote made through one server process to a browser connected to another', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    // A second "process": its own connection to the same database, its own hub.
    const otherDb = openSecondHandle(ctx)
    const otherHub = new LiveHub(otherDb, undefined, 50)
    const other = createApp({
      db: otherDb,
      settings: ctx.settings,
      logger: pino({ level: 'silent' }),
      clock: new TestClock(),
      live: otherHub,
    })
    const stream = await other.request(`/api/live?idea=${idea.id}`)
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader()
    await nextEvent(reader, 'ready')
    const voter = await loginAs(ctx, 'member')
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: voter.cookie })
    expect(await nextEvent(reader, 'votes')).toEqual({ ideaId: idea.id, voteCount: 1 })
    await reader.cancel()
    otherHub.stop()
    await closeDatabase(otherDb)
  })
})
