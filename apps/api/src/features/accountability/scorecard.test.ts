import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildStats } from '../../stats/rebuild'
import { makeTheme } from '../../test/fixtures'
import { createTestApp, json, loginAs, PASSWORD, request, sessionCookie } from '../../test/test-app'

/**
 * A known history in October 2026 (quarter 2026-Q4), with every figure worked out by hand:
 *
 * residents r1…r6 send ideas on Monday 5 October (r5 on Tuesday 20 October):
 *   r1 answered (status planned) after 2 working days, later done with a closure
 *   r2 answered after 12 working days (late), r3 official answer after 5, r6 declined
 *   (budget) after 3, r4 never answered (overdue by the 26th), r5 not yet due.
 *   → received 6, answered 4, within the norm 3 (r1, r3, r6), overdue open 1 (r4):
 *     within norm 3 / (4 + 1) = 60 %; median of 2, 3, 5, 12 working days = 4;
 *     implemented 1/6 = 16.7 %, declined 1/6 = 16.7 % (budget 1).
 *   The six residents vote for r1 and rate its "planned" answer 5 4 4 3 2 5:
 *     4 of 6 give 4 or 5 → 66.7 %, n = 6.
 * entrepreneurs e1…e5 send ideas on 22 October, none answered yet, none overdue;
 *   four of them rate r1 after voting → fewer than 5 ratings: suppressed.
 * organisations o1, o2 send two ideas: fewer than 5, so that cell is suppressed.
 */
const ctx = createTestApp()
const theme = await makeTheme(ctx.db, { name: 'Afval' })
const ids: Record<string, number> = {}
const cookies: Record<string, string> = {}
const EXPLANATION = 'Dit is de openbare uitleg van de gemeente bij dit besluit.'

async function member(name: string, group: 'resident' | 'entrepreneur' | 'organisation') {
  const m = await loginAs(ctx, 'member', `${name}@example.org`)
  await request(ctx, '/api/me', {
    method: 'PATCH',
    cookie: m.cookie,
    body: { targetGroup: group, displayName: `Naam ${name}` },
  })
  cookies[name] = m.cookie
  return m
}

async function propose(name: string) {
  const res = await request(ctx, '/api/ideas', {
    cookie: cookies[name],
    body: {
      title: `Idee van ${name} over afval in de wijk`,
      body: `Uitleg van ${name}: er ligt te veel afval in de wijk.`,
      themeId: theme.id,
    },
  })
  expect(res.status).toBe(201)
  ids[name] = (await json(res)).idea.id
}

async function staffDo(at: string, path: string, body: unknown) {
  ctx.clock.set(at)
  const staff = await loginAs(ctx, 'staff')
  const res = await request(ctx, path, { cookie: staff.cookie, body })
  expect(res.status, `${path} at ${at}`).toBe(201)
  return json(res)
}

beforeAll(async () => {
  ctx.clock.set('2026-10-05T09:00:00+02:00')
  for (const n of ['r1', 'r2', 'r3', 'r4', 'r6']) {
    await member(n, 'resident')
    await propose(n)
  }
  for (const n of ['o1', 'o2']) {
    await member(n, 'organisation')
    await propose(n)
  }
  const r1Status = await staffDo('2026-10-07T10:00:00+02:00', `/api/ideas/${ids.r1}/status`, {
    status: 'planned',
    explanation: EXPLANATION,
  })
  await staffDo('2026-10-08T10:00:00+02:00', `/api/ideas/${ids.r6}/status`, {
    status: 'declined',
    explanation: EXPLANATION,
    declineReason: 'budget',
  })
  await staffDo('2026-10-12T10:00:00+02:00', `/api/ideas/${ids.r3}/comments`, {
    body: 'Wij pakken dit op.',
    official: true,
  })
  ctx.clock.set('2026-10-20T09:00:00+02:00')
  await member('r5', 'resident')
  await propose('r5')
  await staffDo('2026-10-21T10:00:00+02:00', `/api/ideas/${ids.r2}/status`, {
    status: 'under_review',
    explanation: EXPLANATION,
  })
  ctx.clock.set('2026-10-22T09:00:00+02:00')
  for (const n of ['e1', 'e2', 'e3', 'e4', 'e5']) {
    await member(n, 'entrepreneur')
    await propose(n)
  }
  const occasion = r1Status.idea.timeline.at(-1).id
  ctx.clock.set('2026-10-23T09:00:00+02:00')
  const scores: Record<string, number> = { r1: 5, r2: 4, r3: 4, r4: 3, r5: 2, r6: 5, e1: 5, e2: 5, e3: 2, e4: 1 }
  for (const [name, score] of Object.entries(scores)) {
    if (name !== 'r1') await request(ctx, `/api/ideas/${ids.r1}/vote`, { method: 'PUT', cookie: cookies[name] })
    const res = await request(ctx, `/api/ideas/${ids.r1}/ratings`, {
      method: 'PUT',
      cookie: cookies[name],
      body: { occasionType: 'status_change', occasionId: occasion, score, remark: `Opmerking-van-${name}` },
    })
    expect(res.status).toBe(200)
  }
  await staffDo('2026-10-26T10:00:00+01:00', `/api/ideas/${ids.r1}/status`, {
    status: 'done',
    explanation: EXPLANATION,
    closure: {
      whatChanged: 'Er staan nu vier extra containers in de wijk.',
      since: '2026-10-26',
      team: 'Afval en Reiniging',
    },
  })
  ctx.clock.set('2026-10-26T12:00:00+01:00')
})

async function card() {
  const res = await request(ctx, '/api/stats/scorecard?from=2026-Q4&to=2026-Q4')
  expect(res.status).toBe(200)
  return json(res)
}

const cellOf = (
  c: { cells: Array<{ themeId: number | null; targetGroup: string }> },
  group: string,
  themeId: number | null = theme.id,
) => c.cells.find((x) => x.themeId === themeId && x.targetGroup === group)

describe('the public scorecard', () => {
  it('matches the figures worked out by hand for residents', async () => {
    expect(cellOf(await card(), 'resident')).toEqual({
      themeId: theme.id,
      themeSlug: theme.slug,
      quarter: '2026-Q4',
      targetGroup: 'resident',
      received: 6,
      withinNormPct: 60,
      medianAnswerDays: 4,
      implementedPct: 16.7,
      declinedPct: 16.7,
      declineReasons: { budget: 1 },
      satisfactionPct: 66.7,
      ratings: 6,
      // Nobody was asked yet: zeros, which point to no one (not an empty, unexplained field).
      followup: { yes: 0, partly: 0, no: 0 },
      followupSuppressed: false,
      channels: { web: 6 },
      suppressed: false,
      satisfactionSuppressed: false,
    })
  })

  it('suppresses cells based on fewer than 5 people', async () => {
    const c = await card()
    expect(cellOf(c, 'entrepreneur')).toMatchObject({
      received: 5,
      suppressed: false,
      satisfactionPct: null,
      ratings: null,
      satisfactionSuppressed: true,
      withinNormPct: null,
    })
    expect(cellOf(c, 'organisation')).toMatchObject({
      received: null,
      withinNormPct: null,
      implementedPct: null,
      suppressed: true,
    })
    expect(cellOf(c, 'all', null)).toMatchObject({ received: 13, ratings: 10, satisfactionPct: 60 })
  })

  it('follows a changed rating: one rating per person per occasion', async () => {
    const r1 = (await json(await request(ctx, `/api/ideas/${ids.r1}/satisfaction`, { cookie: cookies.r5 }))).occasions
    const planned = r1.find((o: { status: string }) => o.status === 'planned')
    expect(planned.myScore).toBe(2)
    await request(ctx, `/api/ideas/${ids.r1}/ratings`, {
      method: 'PUT',
      cookie: cookies.r5,
      body: { occasionType: 'status_change', occasionId: planned.id, score: 5 },
    })
    expect(cellOf(await card(), 'resident')).toMatchObject({ satisfactionPct: 83.3, ratings: 6 })
    await request(ctx, `/api/ideas/${ids.r1}/ratings`, {
      method: 'PUT',
      cookie: cookies.r5,
      body: { occasionType: 'status_change', occasionId: planned.id, score: 2 },
    })
    expect(cellOf(await card(), 'resident')).toMatchObject({ satisfactionPct: 66.7, ratings: 6 })
  })

  it('gives the same scorecard when the counters are rebuilt from the raw rows', async () => {
    const incremental = await card()
    await rebuildStats(ctx.db)
    expect(await card()).toEqual(incremental)
  })

  it('lets only people involved rate, only on the idea’s own answers', async () => {
    const outsider = await loginAs(ctx, 'member')
    const r = await request(ctx, `/api/ideas/${ids.r2}/ratings`, {
      method: 'PUT',
      cookie: outsider.cookie,
      body: { occasionType: 'status_change', occasionId: 1, score: 5 },
    })
    expect(r.status).toBe(403)
    const wrongOccasion = await request(ctx, `/api/ideas/${ids.r2}/ratings`, {
      method: 'PUT',
      cookie: cookies.r2,
      body: { occasionType: 'official_answer', occasionId: 999_999, score: 5 },
    })
    expect(wrongOccasion.status).toBe(422)
    const tooHigh = await request(ctx, `/api/ideas/${ids.r2}/ratings`, {
      method: 'PUT',
      cookie: cookies.r2,
      body: { occasionType: 'status_change', occasionId: 1, score: 6 },
    })
    expect(tooHigh.status).toBe(422)
  })

  it('shows remarks to staff only', async () => {
    const staff = await loginAs(ctx, 'staff')
    const forStaff = await json(await request(ctx, `/api/staff/ideas/${ids.r1}/ratings`, { cookie: staff.cookie }))
    expect(forStaff.items.map((r: { remark: string }) => r.remark)).toContain('Opmerking-van-r3')
    for (const path of [
      `/api/ideas/${ids.r1}`,
      `/api/ideas/${ids.r1}/supporters`,
      '/api/stats/scorecard',
      '/api/roadmap',
    ]) {
      expect(await (await request(ctx, path, { cookie: cookies.r4 })).text(), path).not.toContain('Opmerking')
    }
  })
})

describe('supporters of an idea', () => {
  it('breaks supporters down by group, hiding groups under 5 people and any group that would give them away', async () => {
    const breakdown = await json(await request(ctx, `/api/ideas/${ids.r1}/supporters`))
    expect(breakdown.total).toBe(9)
    // 5 residents and 4 entrepreneurs: showing the 5 would reveal the 4 (9 - 5), so all 9
    // are "other", and neither group is named.
    expect(breakdown.byTargetGroup).toEqual([])
    expect(breakdown.otherTargetGroups).toBe(9)
  })
})

describe('roadmap and "Jij zei, wij deden"', () => {
  it('shows the completed idea with its closure record, and the planned work', async () => {
    const map = await json(await request(ctx, '/api/roadmap'))
    expect(map.done.map((i: { id: number }) => i.id)).toContain(ids.r1)
    const said = await json(await request(ctx, '/api/you-said-we-did'))
    expect(said.items[0]).toMatchObject({
      ideaId: ids.r1,
      closure: { whatChanged: 'Er staan nu vier extra containers in de wijk.', team: 'Afval en Reiniging' },
    })
  })
})

describe('follow-up', () => {
  it('asks those involved, six weeks after done, whether it helped', async () => {
    expect(
      (await json(await request(ctx, `/api/ideas/${ids.r1}/satisfaction`, { cookie: cookies.r2 }))).followup,
    ).toEqual({
      open: false,
      myAnswer: null,
      myRemark: null,
    })
    const early = await request(ctx, `/api/ideas/${ids.r1}/followup`, {
      method: 'PUT',
      cookie: cookies.r2,
      body: { answer: 'yes' },
    })
    expect(early.status).toBe(409)
    ctx.clock.set('2026-12-08T12:00:00+01:00')
    const { askDueFollowups } = await import('../satisfaction/satisfaction.data')
    expect(await askDueFollowups(ctx.db, ctx.clock.now())).toBeGreaterThan(0)
    expect(await askDueFollowups(ctx.db, ctx.clock.now())).toBe(0)
    // Six weeks without a visit: r2 logs in again.
    const login = await request(ctx, '/api/auth/login', { body: { email: 'r2@example.org', password: PASSWORD } })
    const ok = await request(ctx, `/api/ideas/${ids.r1}/followup`, {
      method: 'PUT',
      cookie: sessionCookie(login),
      body: { answer: 'partly', remark: 'Beter, niet perfect' },
    })
    expect(ok.status).toBe(200)
    expect((await json(ok)).followup).toEqual({ open: true, myAnswer: 'partly', myRemark: 'Beter, niet perfect' })
  })
})

describe('open data', () => {
  it('contains no e-mail address, display name or remark', async () => {
    const names = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'e1', 'o1']
    for (const path of [
      '/api/open-data/ideas.csv',
      '/api/open-data/ideas.json',
      '/api/open-data/scorecard.csv',
      '/api/stats/scorecard',
    ]) {
      const res = await request(ctx, path)
      expect(res.status, path).toBe(200)
      const text = await res.text()
      expect(text, path).not.toMatch(/@example\.org|@/)
      expect(text, path).not.toContain('Opmerking')
      expect(text, path).not.toContain('Beter, niet perfect')
      for (const n of names) expect(text, path).not.toContain(`Naam ${n}`)
    }
  })

  it('serves every public idea, as valid JSON and as CSV with a header', async () => {
    const rows = await json(await request(ctx, '/api/open-data/ideas.json'))
    expect(rows).toHaveLength(13)
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(['id', 'title', 'status', 'themeId', 'themeSlug', 'createdAt', 'answeredWithinNorm']),
    )
    const csv = await (await request(ctx, '/api/open-data/ideas.csv')).text()
    // Every text is quoted (finding 13), the header's names too.
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      '"id","title","body","status","themeId","themeSlug","themeName","districtId","districtName","targetGroups","channel","votes","comments","followers","createdAt","firstAnswerAt","firstAnswerWorkingDays","answeredWithinNorm","doneAt","latitude","longitude"',
    )
    expect(csv.trim().split('\r\n')).toHaveLength(14)
  })
})
