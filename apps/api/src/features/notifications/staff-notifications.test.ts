import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { closeDatabase } from '../../db/open'
import { mailOutbox, users } from '../../db/schema'
import { mailNotifications } from '../../notify/mail-notifications'
import { dueStaffAlerts, raiseStaffAlert, runStaffAlerts } from '../../notify/staff-alerts.data'
import { makeDepartment, makeTheme } from '../../test/fixtures'
import {
  createTestApp,
  json,
  lastMailTo,
  loginAs,
  openSecondHandle,
  PASSWORD,
  request,
  sessionCookie,
} from '../../test/test-app'

const DAY = 86_400_000

type Person = { cookie: string; userId: number; email: string }

/** A fresh app per test: the job looks at every idea, so each test starts from none. */
async function setting() {
  const ctx = createTestApp({ devMailbox: true })
  // A Tuesday morning in Amsterdam.
  ctx.clock.set('2026-11-10T09:00:00+01:00')
  const roads = await makeDepartment(ctx.db, 'Wegen en Verkeer')
  const parks = await makeDepartment(ctx.db, 'Groen')
  const theme = await makeTheme(ctx.db, { departmentId: roads.id })
  const staffIn = async (departmentId: number, frequency: 'immediately' | 'daily' | 'never' = 'immediately') => {
    const s = await loginAs(ctx, 'staff')
    await ctx.db.update(users).set({ departmentId, emailFrequency: frequency }).where(eq(users.id, s.userId))
    return s
  }
  const [road1, road2, park] = [await staffIn(roads.id), await staffIn(roads.id, 'never'), await staffIn(parks.id)]
  const resident = await loginAs(ctx, 'member')
  async function newIdea(title = 'Een drempel in de Hoofdstraat tegen hard rijden'): Promise<number> {
    const res = await request(ctx, '/api/ideas', {
      cookie: resident.cookie,
      body: { title, body: 'Auto’s rijden hier veel te hard, vooral ’s avonds. Een drempel helpt.', themeId: theme.id },
    })
    expect(res.status).toBe(201)
    return (await json(res)).idea.id
  }
  // Logs in afresh: sessions end while the clock moves on weeks.
  const kindsOf = async (who: Person) =>
    (
      await json(
        await request(ctx, '/api/me/notifications', {
          cookie: sessionCookie(
            await request(ctx, '/api/auth/login', { body: { email: who.email, password: PASSWORD } }),
          ),
        }),
      )
    ).items.map((n: { kind: string; ideaId: number; reason: string }) => [n.kind, n.ideaId, n.reason])
  const job = async () => await runStaffAlerts(ctx.db, ctx.clock.now())
  return { ctx, roads, parks, theme, road1, road2, park, resident, newIdea, kindsOf, job }
}

describe('staff are told', () => {
  it('of a new idea in their department, in the app and by mail as each chose, once', async () => {
    const { ctx, road1, road2, park, newIdea, kindsOf, job } = await setting()
    const id = await newIdea()
    expect(await job()).toBe(2)
    expect(await job()).toBe(0)
    expect(await kindsOf(road1)).toEqual([['new_idea', id, 'department']])
    expect(await kindsOf(road2)).toEqual([['new_idea', id, 'department']])
    expect(await kindsOf(park)).toEqual([])
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    const mail = await lastMailTo(ctx, road1.email)
    expect(mail?.subject).toBe('Nieuw idee voor uw afdeling: Een drempel in de Hoofdstraat tegen hard rijden')
    expect(mail?.text).toContain('Er is een nieuw idee binnengekomen:')
    expect(mail?.text).toContain('Een drempel helpt.')
    expect(mail?.text).toContain(`http://localhost:${ctx.settings.port}/medewerkers/ideeen/${id}`)
    expect(mail?.text).toContain('U krijgt dit bericht omdat u medewerker bent van de afdeling Wegen en Verkeer.')
    // The colleague who wants no mail has it in the app only.
    expect(await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, road2.email))).toEqual([])
  })

  it('of an idea a colleague entered for a caller, at once, but not the colleague who entered it', async () => {
    const { road1, road2, theme, kindsOf, job, ctx } = await setting()
    const res = await request(ctx, '/api/staff/ideas', {
      cookie: road1.cookie,
      body: {
        title: 'Een spiegel bij de uitrit van de boerderij',
        body: 'Meneer Dijkstra belde: hij ziet de auto’s niet aankomen als hij de weg op rijdt.',
        themeId: theme.id,
        channel: 'phone',
        submitter: { displayName: 'Meneer Dijkstra', targetGroup: 'resident' },
      },
    })
    const { idea } = await json(res)
    expect(await kindsOf(road2)).toEqual([['new_idea', idea.id, 'department']])
    expect(await kindsOf(road1)).toEqual([])
    expect(await job()).toBe(0)
  })

  it('of an idea a colleague assigned to them, not when they take it themselves', async () => {
    const { road1, park, newIdea, kindsOf, job, ctx } = await setting()
    const id = await newIdea()
    await job()
    const handOff = await request(ctx, `/api/staff/ideas/${id}/assign`, {
      cookie: park.cookie,
      body: { assigneeId: road1.userId, note: 'Voor jou, denk ik.' },
    })
    expect(handOff.status).toBe(200)
    expect((await kindsOf(road1))[0]).toEqual(['idea_assigned', id, 'assignee'])
    await request(ctx, `/api/staff/ideas/${id}/assign`, { cookie: park.cookie, body: { assigneeId: park.userId } })
    expect(await kindsOf(park)).toEqual([])
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    const mail = await lastMailTo(ctx, road1.email)
    expect(mail?.text).toContain('Dit idee is aan u toegewezen.')
    expect(mail?.text).toContain('U krijgt dit bericht omdat dit idee aan u is toegewezen.')
  })

  it('of an idea handed to their department', async () => {
    const { road1, park, parks, newIdea, kindsOf, job, ctx } = await setting()
    const id = await newIdea()
    await job()
    await request(ctx, `/api/staff/ideas/${id}/assign`, { cookie: road1.cookie, body: { departmentId: parks.id } })
    expect(await kindsOf(park)).toEqual([['idea_assigned', id, 'department']])
  })

  it('once when an idea of their department passes the response norm unanswered, and not when answered in time', async () => {
    const { road1, road2, park, newIdea, kindsOf, job, ctx } = await setting()
    const late = await newIdea()
    const answered = await newIdea('Een zebrapad bij de school in de Dorpsstraat')
    await job()
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    await request(ctx, `/api/ideas/${answered}/status`, {
      cookie: park.cookie,
      body: { status: 'under_review', explanation: 'We bekijken dit samen met de school.' },
    })
    // Ten working days after Tuesday 10 November end on Tuesday 24 November: still on time that day.
    ctx.clock.set('2026-11-24T16:00:00+01:00')
    expect(await job()).toBe(0)
    ctx.clock.set('2026-11-25T08:00:00+01:00')
    expect(await job()).toBe(2)
    expect(await job()).toBe(0)
    ctx.clock.advance(DAY)
    expect(await job()).toBe(0)
    expect((await kindsOf(road1)).filter(([kind]: [string]) => kind === 'idea_overdue')).toEqual([
      ['idea_overdue', late, 'department'],
    ])
    expect((await kindsOf(road2)).filter(([kind]: [string]) => kind === 'idea_overdue')).toHaveLength(1)
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    const mail = await lastMailTo(ctx, road1.email)
    expect(mail?.subject).toBe('Termijn voorbij: Een drempel in de Hoofdstraat tegen hard rijden')
    expect(mail?.text).toContain('de termijn van 10 werkdagen is voorbij')
  })

  it('once per quiet spell when planned work has no public update for 30 days', async () => {
    const { road1, newIdea, kindsOf, job, ctx } = await setting()
    const id = await newIdea()
    await job()
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    await request(ctx, `/api/ideas/${id}/status`, {
      cookie: road1.cookie,
      body: { status: 'planned', explanation: 'We leggen de drempel in het voorjaar aan.' },
    })
    const stale = async () => (await kindsOf(road1)).filter(([kind]: [string]) => kind === 'idea_stale')
    ctx.clock.advance(29 * DAY)
    expect(await job()).toBe(0)
    ctx.clock.advance(2 * DAY)
    expect(await job()).toBe(2)
    expect(await job()).toBe(0)
    expect(await stale()).toEqual([['idea_stale', id, 'department']])
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    const mail = await lastMailTo(ctx, road1.email)
    expect(mail?.subject).toBe('Lang geen nieuws: Een drempel in de Hoofdstraat tegen hard rijden')
    expect(mail?.text).toContain('Dit idee staat op “Gepland”, maar er is al 31 dagen geen openbaar nieuws over.')
    // An update starts the clock again; a new quiet spell is told again, once.
    const again = await request(ctx, '/api/auth/login', { body: { email: road1.email, password: PASSWORD } })
    const update = await request(ctx, `/api/staff/ideas/${id}/updates`, {
      cookie: sessionCookie(again),
      body: { body: 'De aannemer is gekozen. Hij begint in maart met het werk.' },
    })
    expect(update.status).toBe(201)
    ctx.clock.advance(20 * DAY)
    expect(await job()).toBe(0)
    ctx.clock.advance(11 * DAY)
    expect(await job()).toBe(2)
    expect(await job()).toBe(0)
    expect(await stale()).toHaveLength(2)
  })

  it('tells staff once even when two processes find the same work at the same moment', async () => {
    const { newIdea, job, ctx } = await setting()
    await newIdea()
    const other = openSecondHandle(ctx)
    const now = ctx.clock.now()
    // Both processes read what is due before either has told anyone.
    const mine = await dueStaffAlerts(ctx.db, now)
    const theirs = await dueStaffAlerts(other, now)
    expect(mine).toHaveLength(1)
    expect(theirs).toEqual(mine)
    const told: number[] = []
    for (const a of mine) told.push(await raiseStaffAlert(ctx.db, a, now))
    for (const a of theirs) told.push(await raiseStaffAlert(other, a, now))
    expect(told).toEqual([2, 0])
    expect(await job()).toBe(0)
    await closeDatabase(other)
  })

  it('of a new report on an idea of their department, once, however many reports follow', async () => {
    const { road1, park, newIdea, kindsOf, job, ctx } = await setting()
    const id = await newIdea()
    await job()
    const commenter = await loginAs(ctx, 'member')
    const { comment } = await json(
      await request(ctx, `/api/ideas/${id}/comments`, {
        cookie: commenter.cookie,
        body: { body: 'Wat een onzin idee.' },
      }),
    )
    for (let i = 0; i < 2; i++) {
      const reporter = await loginAs(ctx, 'member')
      const res = await request(ctx, '/api/reports', {
        cookie: reporter.cookie,
        body: { subjectType: 'comment', subjectId: comment.id, reason: 'offensive' },
      })
      expect(res.status).toBeLessThan(300)
    }
    const reports = (await kindsOf(road1)).filter(([kind]: [string]) => kind === 'report_new')
    expect(reports).toEqual([['report_new', id, 'department']])
    expect(await kindsOf(park)).toEqual([])
    await mailNotifications(ctx.db, ctx.settings, ctx.clock.now())
    const mail = await lastMailTo(ctx, road1.email)
    expect(mail?.text).toContain('Iemand heeft een reactie bij dit idee gemeld.')
    expect(mail?.text).toContain(`http://localhost:${ctx.settings.port}/medewerkers/moderatie`)
    // Reported words are not sent around by mail.
    expect(mail?.text).not.toContain('onzin')
  })

  it('tells every member of staff when no department or colleague has the idea', async () => {
    const { road1, park, kindsOf, job, ctx, resident } = await setting()
    const loose = await makeTheme(ctx.db)
    const res = await request(ctx, '/api/ideas', {
      cookie: resident.cookie,
      body: {
        title: 'Een idee zonder afdeling erbij',
        body: 'Dit thema hoort nog bij geen afdeling van de gemeente.',
        themeId: loose.id,
      },
    })
    const { idea } = await json(res)
    await job()
    expect(await kindsOf(road1)).toEqual([['new_idea', idea.id, 'staff']])
    expect(await kindsOf(park)).toEqual([['new_idea', idea.id, 'staff']])
  })
})
