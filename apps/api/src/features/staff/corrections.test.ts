import { and, asc, desc, eq, ne, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, followupAnswers, ratings, statsCounters } from '../../db/schema'
import { rebuildStats } from '../../stats/rebuild'
import { makeDistrict, makeTheme } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request, type TestContext } from '../../test/test-app'

const REASON = 'Bij het invoeren stond er een typfout in de titel.'

async function propose(ctx: TestContext, cookie: string, themeId: number) {
  const res = await request(ctx, '/api/ideas', {
    cookie,
    body: {
      title: 'Een fietsenrek bij het staton',
      body: 'Bij het station staan de fietsen overal door elkaar. Een rek zou helpen.',
      themeId,
    },
  })
  expect(res.status).toBe(201)
  return (await json(res)).idea.id as number
}

/** The scorecard counters that count something, in a fixed order. */
function counters(ctx: TestContext) {
  const c = statsCounters
  return ctx.db
    .select({ themeId: c.themeId, month: c.month, targetGroup: c.targetGroup, metric: c.metric, count: c.count })
    .from(c)
    .where(ne(c.count, 0))
    .orderBy(asc(c.themeId), asc(c.month), asc(c.targetGroup), asc(c.metric))
}

describe('correcting an idea', () => {
  it('changes title, text, theme and district with a public reason everyone sees, audited with before and after', async () => {
    const ctx = createTestApp()
    const [fiets, verkeer] = [await makeTheme(ctx.db), await makeTheme(ctx.db)]
    const kolham = await makeDistrict(ctx.db)
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const id = await propose(ctx, member.cookie, fiets.id)
    // A visitor's read first, so a page kept for visitors has to follow the correction.
    expect((await json(await request(ctx, `/api/ideas/${id}`))).idea.corrections).toEqual([])

    const res = await request(ctx, `/api/staff/ideas/${id}/correction`, {
      cookie: staff.cookie,
      body: {
        title: 'Een fietsenrek bij het station',
        body: 'Bij het station van Kolham staan de fietsen overal door elkaar. Een rek zou helpen.',
        themeId: verkeer.id,
        districtId: kolham.id,
        reason: REASON,
      },
    })
    expect(res.status).toBe(200)
    const corrected = {
      title: 'Een fietsenrek bij het station',
      themeId: verkeer.id,
      districtId: kolham.id,
      status: 'new',
      corrections: [{ reason: REASON, createdAt: new Date(ctx.clock.now()).toISOString() }],
    }
    expect((await json(res)).idea).toMatchObject(corrected)
    for (const cookie of [undefined, member.cookie]) {
      const { idea } = await json(await request(ctx, `/api/ideas/${id}`, { cookie }))
      expect(idea).toMatchObject(corrected)
      expect(idea.bodyHtml).toContain('station van Kolham')
    }
    // The search follows: the new words find it, the typo no longer does.
    const found = async (q: string) =>
      (await json(await request(ctx, `/api/ideas?q=${q}`))).items.map((i: { id: number }) => i.id)
    expect(await found('station%20Kolham')).toEqual([id])
    expect(await found('staton')).toEqual([])
    const werkbak = await json(await request(ctx, '/api/staff/inbox?tab=all&q=station', { cookie: staff.cookie }))
    expect(werkbak.items.map((i: { id: number }) => i.id)).toEqual([id])

    const audit = await ctx.db
      .select({ actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'idea.corrected'), eq(auditLog.subjectId, id)))
    expect(audit).toHaveLength(1)
    expect(audit[0]?.actorId).toBe(staff.userId)
    expect(audit[0]?.details).toEqual({
      reason: REASON,
      before: {
        title: 'Een fietsenrek bij het staton',
        body: 'Bij het station staan de fietsen overal door elkaar. Een rek zou helpen.',
        themeId: fiets.id,
        districtId: null,
      },
      after: {
        title: 'Een fietsenrek bij het station',
        body: 'Bij het station van Kolham staan de fietsen overal door elkaar. Een rek zou helpen.',
        themeId: verkeer.id,
        districtId: kolham.id,
      },
    })
  })

  it('shows the latest three corrections, newest first, and records only the fields that changed', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const id = await propose(ctx, member.cookie, theme.id)
    for (const n of [1, 2, 3, 4]) {
      ctx.clock.advance(60_000)
      const res = await request(ctx, `/api/staff/ideas/${id}/correction`, {
        cookie: staff.cookie,
        // The same theme again changes nothing: only the title is recorded.
        body: {
          title: `Een fietsenrek bij het station, versie ${n}`,
          themeId: theme.id,
          reason: `Aanpassing nummer ${n}.`,
        },
      })
      expect(res.status).toBe(200)
    }
    const { idea } = await json(await request(ctx, `/api/ideas/${id}`))
    expect(idea.corrections.map((c: { reason: string }) => c.reason)).toEqual([
      'Aanpassing nummer 4.',
      'Aanpassing nummer 3.',
      'Aanpassing nummer 2.',
    ])
    const [latest] = await ctx.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'idea.corrected'))
      .orderBy(desc(auditLog.id))
      .limit(1)
    expect(Object.keys((latest?.details?.after ?? {}) as object)).toEqual(['title'])
  })

  it('moves every scorecard count of the idea to its new theme: the counters equal a rebuild from the rows', async () => {
    const ctx = createTestApp()
    const [from, to] = [await makeTheme(ctx.db), await makeTheme(ctx.db)]
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const id = await propose(ctx, member.cookie, from.id)
    const other = await propose(ctx, member.cookie, from.id)
    await request(ctx, `/api/ideas/${id}/status`, {
      cookie: staff.cookie,
      body: {
        status: 'declined',
        explanation: 'Dit past niet binnen het budget van dit jaar.',
        declineReason: 'budget',
      },
    })
    const now = ctx.clock.now()
    await ctx.db.insert(ratings).values({
      ideaId: id,
      userId: member.userId,
      occasionType: 'status_change',
      occasionId: 1,
      score: 4,
      raterGroup: 'resident',
      createdAt: now,
      updatedAt: now,
    })

    await ctx.db.insert(followupAnswers).values({
      ideaId: id,
      userId: member.userId,
      answer: 'partly',
      raterGroup: 'resident',
      createdAt: now,
      updatedAt: now,
    })

    await rebuildStats(ctx.db)
    const res = await request(ctx, `/api/staff/ideas/${id}/correction`, {
      cookie: staff.cookie,
      body: { themeId: to.id, reason: 'Dit idee gaat over verkeer, niet over fietsen.' },
    })
    expect(res.status).toBe(200)
    const moved = await counters(ctx)
    await rebuildStats(ctx.db)
    expect(moved).toEqual(await counters(ctx))
    // And the new theme has them: this idea's arrival, decline and rating; the other idea stayed.
    const of = async (themeId: number, metric: string) =>
      (
        await ctx.db
          .select({ n: sql<number>`coalesce(sum(${statsCounters.count}), 0)`.mapWith(Number) })
          .from(statsCounters)
          .where(and(eq(statsCounters.themeId, themeId), eq(statsCounters.metric, metric)))
      )[0]?.n
    expect([
      await of(to.id, 'received'),
      await of(to.id, 'decline:budget'),
      await of(to.id, 'rating_45'),
      await of(to.id, 'followup:partly'),
    ]).toEqual([1, 1, 1, 1])
    expect([await of(from.id, 'received'), await of(from.id, 'status:new'), await of(from.id, 'rating_n')]).toEqual([
      1, 1, 0,
    ])
    expect(other).toBeGreaterThan(id)
  })

  it('moves no count for a district: the scorecard has no districts', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const kolham = await makeDistrict(ctx.db)
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const id = await propose(ctx, member.cookie, theme.id)
    const before = await counters(ctx)
    const res = await request(ctx, `/api/staff/ideas/${id}/correction`, {
      cookie: staff.cookie,
      body: { districtId: kolham.id, reason: 'Het station ligt in Kolham.' },
    })
    expect(res.status).toBe(200)
    expect(await counters(ctx)).toEqual(before)
  })

  it('leaves the author free to change their idea while it is new, and the note stays', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const id = await propose(ctx, member.cookie, theme.id)
    await request(ctx, `/api/staff/ideas/${id}/correction`, {
      cookie: staff.cookie,
      body: { title: 'Een fietsenrek bij het station', reason: REASON },
    })
    const edit = await request(ctx, `/api/ideas/${id}`, {
      method: 'PATCH',
      cookie: member.cookie,
      body: { title: 'Twee fietsenrekken bij het station' },
    })
    expect(edit.status).toBe(200)
    expect((await json(edit)).idea).toMatchObject({
      title: 'Twee fietsenrekken bij het station',
      status: 'new',
      corrections: [{ reason: REASON }],
    })
  })

  it('refuses a correction without a reason, one that changes nothing, an unknown theme or district, and a member', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const id = await propose(ctx, member.cookie, theme.id)
    const before = await databaseDigest(ctx)
    for (const [body, field] of [
      [{ title: 'Een fietsenrek bij het station' }, 'reason'],
      [{ title: 'Een fietsenrek bij het station', reason: 'Typfout' }, 'reason'],
      [{ title: 'Kort', reason: REASON }, 'title'],
      [{ themeId: 999, reason: REASON }, 'themeId'],
      [{ districtId: 999, reason: REASON }, 'districtId'],
    ] as const) {
      const res = await request(ctx, `/api/staff/ideas/${id}/correction`, { cookie: staff.cookie, body })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect((await json(res)).error.fields, JSON.stringify(body)).toHaveProperty(field)
    }
    for (const body of [
      { reason: REASON },
      { title: 'Een fietsenrek bij het staton', themeId: theme.id, reason: REASON },
    ]) {
      const res = await request(ctx, `/api/staff/ideas/${id}/correction`, { cookie: staff.cookie, body })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect((await json(res)).error.message).toMatch(/^Er is niets veranderd/)
    }
    const unknown = await request(ctx, '/api/staff/ideas/999999/correction', {
      cookie: staff.cookie,
      body: { title: 'Een fietsenrek bij het station', reason: REASON },
    })
    expect(unknown.status).toBe(404)
    const byMember = await request(ctx, `/api/staff/ideas/${id}/correction`, {
      cookie: member.cookie,
      body: { title: 'Een fietsenrek bij het station', reason: REASON },
    })
    expect(byMember.status).toBe(403)
    expect(await databaseDigest(ctx)).toBe(before)
  })
})
