import { IDEA_STATUSES, STATUS_TRANSITIONS } from '@meedenken/shared'
import { and, asc, count as countRows, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { notifications, users, votes } from '../../db/schema'
import { makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

const ctx = createTestApp()
const theme = await makeTheme(ctx.db)
const author = await makeUser(ctx.db)

const EXPLANATION = 'We hebben dit besproken met het team en gaan het zo doen.'
const CLOSURE = {
  whatChanged: 'Er staan nu zes nieuwe afvalbakken langs het pad.',
  since: '2026-10-01',
  team: 'Afval en Reiniging',
}

function bodyFor(to: string) {
  return {
    status: to,
    explanation: EXPLANATION,
    ...(to === 'declined' ? { declineReason: 'budget' } : {}),
    ...(to === 'done' ? { closure: CLOSURE } : {}),
  }
}

describe('status changes', () => {
  it('allows exactly the transitions in the shared table, and a refused one changes nothing', async () => {
    const staff = await loginAs(ctx, 'staff')
    for (const from of IDEA_STATUSES) {
      for (const to of IDEA_STATUSES) {
        const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: from })
        const before = await databaseDigest(ctx)
        const res = await request(ctx, `/api/ideas/${idea.id}/status`, { cookie: staff.cookie, body: bodyFor(to) })
        if (to === 'merged') {
          expect(res.status, `${from} → ${to}`).toBe(422)
        } else if (STATUS_TRANSITIONS[from].includes(to)) {
          expect(res.status, `${from} → ${to}`).toBe(201)
          const { idea: changed } = await json(res)
          expect(changed.status).toBe(to)
          expect(changed.timeline.at(-1)).toMatchObject({ fromStatus: from, toStatus: to, explanation: EXPLANATION })
          continue
        } else {
          expect(res.status, `${from} → ${to}`).toBe(409)
        }
        expect(await databaseDigest(ctx), `${from} → ${to} changed the database`).toBe(before)
      }
    }
  })

  it('requires a public explanation of at least 20 characters', async () => {
    const staff = await loginAs(ctx, 'staff')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const res = await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: { status: 'under_review', explanation: 'Kort.' },
    })
    expect(res.status).toBe(422)
    expect((await json(res)).error.fields.explanation).toBe('Gebruik minstens 20 tekens.')
  })

  it('requires a coded reason to decline, and the organisation when it is not a municipal task', async () => {
    const staff = await loginAs(ctx, 'staff')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const before = await databaseDigest(ctx)
    const noReason = await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: { status: 'declined', explanation: EXPLANATION },
    })
    expect((await json(noReason)).error.fields).toHaveProperty('declineReason')
    const noOrg = await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: { status: 'declined', explanation: EXPLANATION, declineReason: 'not_municipal_task' },
    })
    expect((await json(noOrg)).error.fields).toHaveProperty('referredTo')
    const badReason = await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: { status: 'declined', explanation: EXPLANATION, declineReason: 'lazy' },
    })
    expect(badReason.status).toBe(422)
    expect(await databaseDigest(ctx)).toBe(before)
    const ok = await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: {
        status: 'declined',
        explanation: EXPLANATION,
        declineReason: 'not_municipal_task',
        referredTo: 'Provincie Groningen',
      },
    })
    expect(ok.status).toBe(201)
    expect((await json(ok)).idea.timeline.at(-1)).toMatchObject({
      declineReason: 'not_municipal_task',
      referredTo: 'Provincie Groningen',
    })
  })

  it('requires a closure record to mark an idea done, and shows it on the timeline', async () => {
    const staff = await loginAs(ctx, 'staff')
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'in_progress' })
    const missing = await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: { status: 'done', explanation: EXPLANATION },
    })
    expect((await json(missing)).error.fields).toHaveProperty('closure')
    const badLink = await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: { status: 'done', explanation: EXPLANATION, closure: { ...CLOSURE, link: 'javascript:alert(1)' } },
    })
    expect((await json(badLink)).error.fields).toHaveProperty('closure.link')
    const done = await request(ctx, `/api/ideas/${idea.id}/status`, {
      cookie: staff.cookie,
      body: {
        status: 'done',
        explanation: EXPLANATION,
        closure: { ...CLOSURE, link: 'https://www.midden-groningen.nl/afval' },
      },
    })
    expect(done.status).toBe(201)
    expect((await json(done)).idea.timeline.at(-1).closure).toEqual({
      ...CLOSURE,
      link: 'https://www.midden-groningen.nl/afval',
    })
  })

  it('notifies exactly the followers, each once, and not the civil servant who acted', async () => {
    const staff = await loginAs(ctx, 'staff')
    const [a, b] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    for (const who of [a, b, staff])
      await request(ctx, `/api/ideas/${idea.id}/follow`, { method: 'PUT', cookie: who.cookie })
    await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: a.cookie })
    await request(ctx, `/api/ideas/${idea.id}/status`, { cookie: staff.cookie, body: bodyFor('under_review') })
    const rows = await ctx.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.ideaId, idea.id), eq(notifications.kind, 'status_changed')))
      .orderBy(asc(notifications.userId))
    expect(rows.map((r) => r.userId)).toEqual([a.userId, b.userId].sort((x, y) => x - y))
    const mine = await json(await request(ctx, '/api/me/notifications', { cookie: a.cookie }))
    expect(mine.unread).toBe(1)
    expect(mine.items[0]).toMatchObject({
      kind: 'status_changed',
      ideaId: idea.id,
      status: 'under_review',
      read: false,
    })
  })
})

describe('the response norm', () => {
  it('counts working days waited on the public page until the first answer, then stops', async () => {
    ctx.clock.set('2026-11-06T10:00:00+01:00') // a Friday
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, '/api/staff/ideas', {
      cookie: staff.cookie,
      body: {
        title: 'Lantaarnpaal kapot bij de school',
        body: 'De lantaarnpaal bij de school doet het al een week niet.',
        themeId: theme.id,
        channel: 'phone',
        submitter: { displayName: 'Mevrouw Jansen', targetGroup: 'resident' },
      },
    })
    const { idea } = await json(res)
    ctx.clock.set('2026-11-09T10:00:00+01:00') // Monday: one working day later
    let shown = (await json(await request(ctx, `/api/ideas/${idea.id}`))).idea
    expect(shown).toMatchObject({ waitingWorkingDays: 1, responseNormDays: 10 })
    const monday = await loginAs(ctx, 'staff') // staff sessions last 12 hours
    await request(ctx, `/api/ideas/${idea.id}/comments`, {
      cookie: monday.cookie,
      body: { body: 'We sturen deze week iemand langs.', official: true },
    })
    shown = (await json(await request(ctx, `/api/ideas/${idea.id}`))).idea
    expect(shown.waitingWorkingDays).toBeNull()
    expect(shown.officialAnswer.body).toBe('We sturen deze week iemand langs.')
  })

  it('sorts the inbox by urgency and badges ideas on time, due soon and overdue', async () => {
    const fresh = createTestApp()
    const t = await makeTheme(fresh.db)
    const u = await makeUser(fresh.db)
    fresh.clock.set('2026-11-24T10:00:00+01:00') // Tuesday
    const staff = await loginAs(fresh, 'staff')
    const created = async (iso: string) =>
      (await makeIdea(fresh.db, { authorId: u.id, themeId: t.id, createdAt: Date.parse(iso) })).id
    const overdue = await created('2026-11-05T10:00:00+01:00') // 13 working days ago
    const dueSoon = await created('2026-11-12T10:00:00+01:00') // 8 working days ago
    const onTime = await created('2026-11-23T10:00:00+01:00') // 1 working day ago
    const page = await json(await request(fresh, '/api/staff/inbox?tab=needs_answer', { cookie: staff.cookie }))
    expect(page.items.map((i: { id: number; badge: string }) => [i.id, i.badge])).toEqual([
      [overdue, 'overdue'],
      [dueSoon, 'due_soon'],
      [onTime, 'on_time'],
    ])
    const late = await json(await request(fresh, '/api/staff/inbox?tab=overdue', { cookie: staff.cookie }))
    expect(late.items.map((i: { id: number }) => i.id)).toEqual([overdue])
    expect(late.counts).toMatchObject({ needs_answer: 3, overdue: 1 })
  })

  it('shows planned work without a public update for 30 days as stale', async () => {
    const fresh = createTestApp()
    const t = await makeTheme(fresh.db)
    const u = await makeUser(fresh.db)
    const staff = await loginAs(fresh, 'staff')
    const idea = await makeIdea(fresh.db, { authorId: u.id, themeId: t.id })
    await request(fresh, `/api/ideas/${idea.id}/status`, { cookie: staff.cookie, body: bodyFor('planned') })
    fresh.clock.advance(31 * 86_400_000)
    const later = await loginAs(fresh, 'staff')
    const stale = await json(await request(fresh, '/api/staff/inbox?tab=stale', { cookie: later.cookie }))
    expect(stale.items.map((i: { id: number; stale: boolean }) => [i.id, i.stale])).toEqual([[idea.id, true]])
    const publicView = (await json(await request(fresh, `/api/ideas/${idea.id}`))).idea
    expect(publicView.daysSinceUpdate).toBe(31)
  })
})

describe('routing to departments and colleagues', () => {
  it('lands a new idea in its theme’s department, and logs every hand-off', async () => {
    const fresh = createTestApp()
    const admin = await loginAs(fresh, 'admin')
    const staff = await loginAs(fresh, 'staff')
    const member = await loginAs(fresh, 'member')
    const t = await makeTheme(fresh.db)
    const created = await json(
      await request(fresh, '/api/admin/departments', {
        cookie: admin.cookie,
        body: { name: 'Wegen', nameEn: 'Roads' },
      }),
    )
    const wegen = created.items.find((d: { name: string }) => d.name === 'Wegen').id
    await request(fresh, `/api/admin/themes/${t.id}/department`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { departmentId: wegen },
    })
    await request(fresh, `/api/admin/users/${staff.userId}/department`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { departmentId: wegen },
    })
    const { idea } = await json(
      await request(fresh, '/api/ideas', {
        cookie: member.cookie,
        body: { title: 'Gat in de weg bij de kerk', body: 'Er zit een diep gat in de weg bij de kerk.', themeId: t.id },
      }),
    )
    const dept = await json(await request(fresh, '/api/staff/inbox?tab=department', { cookie: staff.cookie }))
    expect(dept.items.map((i: { id: number }) => i.id)).toEqual([idea.id])
    const assigned = await request(fresh, `/api/staff/ideas/${idea.id}/assign`, {
      cookie: staff.cookie,
      body: { assigneeId: staff.userId, note: 'Ik pak deze op.' },
    })
    expect(assigned.status).toBe(200)
    const detail = await json(assigned)
    expect(detail.staff).toMatchObject({ departmentId: wegen, assigneeId: staff.userId, badge: 'on_time' })
    expect(detail.assignments.at(-1)).toMatchObject({ toAssigneeId: staff.userId, note: 'Ik pak deze op.' })
    const mine = await json(await request(fresh, '/api/staff/inbox?tab=mine', { cookie: staff.cookie }))
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([idea.id])
    const toMember = await request(fresh, `/api/staff/ideas/${idea.id}/assign`, {
      cookie: staff.cookie,
      body: { assigneeId: member.userId },
    })
    expect(toMember.status).toBe(422)
  })
})

describe('internal notes', () => {
  it('never appear in any response a member or visitor can get', async () => {
    const fresh = createTestApp()
    const t = await makeTheme(fresh.db)
    await makeDistrict(fresh.db)
    const staff = await loginAs(fresh, 'staff')
    const member = await loginAs(fresh, 'member')
    const { idea } = await json(
      await request(fresh, '/api/ideas', {
        cookie: member.cookie,
        body: {
          title: 'Bankje bij de vijver graag',
          body: 'Een bankje bij de vijver zou fijn zijn voor ouderen.',
          themeId: t.id,
        },
      }),
    )
    const secret = 'GEHEIM-notitie-7f3a: bewoner belde boos, wethouder weet ervan'
    const noted = await request(fresh, `/api/staff/ideas/${idea.id}/notes`, {
      cookie: staff.cookie,
      body: { body: secret },
    })
    expect(noted.status).toBe(201)
    expect(JSON.stringify(await json(noted))).toContain(secret)
    await request(fresh, `/api/ideas/${idea.id}/status`, { cookie: staff.cookie, body: bodyFor('under_review') })

    // Every GET route open to visitors or members, with this idea's id where a path needs one.
    const doc = await json(await request(fresh, '/api/openapi.json'))
    type Op = { 'x-policy': string; responses: Record<string, { content?: Record<string, unknown> }> }
    const paths = Object.entries<Record<string, Op>>(doc.paths)
      .filter(([, methods]) => methods.get && ['public', 'member'].includes(methods.get['x-policy']))
      // A live event stream never ends and carries only counts.
      .filter(([, methods]) => !methods.get?.responses['200']?.content?.['text/event-stream'])
      .map(([path]) => path.replace(/\{[^}]+\}/g, String(idea.id)))
    expect(paths.length).toBeGreaterThan(8)
    for (const path of paths) {
      for (const cookie of [undefined, member.cookie]) {
        const res = await request(fresh, path, { cookie })
        expect(await res.text(), path).not.toContain('GEHEIM-notitie-7f3a')
      }
    }
    for (const path of [
      '/api/ideas?q=vijver',
      `/api/ideas/${idea.id}/comments`,
      '/api/me/export',
      '/api/me/notifications',
    ]) {
      expect(await (await request(fresh, path, { cookie: member.cookie })).text(), path).not.toContain('GEHEIM')
    }
  })
})

describe('merging duplicates', () => {
  it('moves votes without counting a person twice, moves followers, and closes the duplicate', async () => {
    const staff = await loginAs(ctx, 'staff')
    const [a, b, c] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const target = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const source = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    // a votes for both, b only the duplicate, c only the target.
    for (const [who, idea] of [
      [a, target],
      [a, source],
      [b, source],
      [c, target],
    ] as const) {
      await request(ctx, `/api/ideas/${idea.id}/vote`, { method: 'PUT', cookie: who.cookie })
    }
    const res = await request(ctx, `/api/staff/ideas/${source.id}/merge`, {
      cookie: staff.cookie,
      body: { targetId: target.id, explanation: 'Dit idee gaat over hetzelfde als het andere idee.' },
    })
    expect(res.status).toBe(200)
    expect((await json(res)).idea).toMatchObject({ id: target.id, voteCount: 3, followerCount: 3 })
    const count = async (id: number) =>
      (await ctx.db.select({ n: countRows() }).from(votes).where(eq(votes.ideaId, id)))[0]?.n
    expect(await count(target.id)).toBe(3)
    expect(await count(source.id)).toBe(0)
    const dup = (await json(await request(ctx, `/api/ideas/${source.id}`))).idea
    expect(dup).toMatchObject({ status: 'merged', mergedIntoId: target.id, voteCount: 0 })
    expect(dup.timeline.at(-1)).toMatchObject({ toStatus: 'merged' })
    expect((await request(ctx, `/api/ideas/${source.id}/vote`, { method: 'PUT', cookie: b.cookie })).status).toBe(409)
    const again = await request(ctx, `/api/staff/ideas/${source.id}/merge`, {
      cookie: staff.cookie,
      body: { targetId: target.id, explanation: 'Nog een keer samenvoegen, dat kan niet.' },
    })
    expect(again.status).toBe(409)
  })
})

describe('intake on behalf of a resident', () => {
  it('records the channel and creates an account without a password for the resident', async () => {
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, '/api/staff/ideas', {
      cookie: staff.cookie,
      body: {
        title: 'Meer bankjes op het dorpsplein',
        body: 'Meneer De Boer belde: op het dorpsplein kun je nergens zitten.',
        themeId: theme.id,
        channel: 'letter',
        submitter: { displayName: 'Meneer De Boer', email: 'deboer@example.org', targetGroup: 'resident' },
      },
    })
    expect(res.status).toBe(201)
    const { idea } = await json(res)
    expect(idea).toMatchObject({ channel: 'letter', author: { displayName: 'Meneer De Boer' } })
    const [account] = await ctx.db
      .select({ passwordHash: users.passwordHash, emailVerifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.email, 'deboer@example.org'))
    expect(account).toEqual({ passwordHash: null, emailVerifiedAt: null })
    const web = await request(ctx, '/api/staff/ideas', { cookie: staff.cookie, body: { ...idea, channel: 'web' } })
    expect(web.status).toBe(422)
  })
})

describe('moderation', () => {
  it('lets staff review the queue and restore or hide with a reason, in the audit log', async () => {
    const staff = await loginAs(ctx, 'staff')
    const [a, b] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
    const { comment } = await json(
      await request(ctx, `/api/ideas/${idea.id}/comments`, {
        cookie: a.cookie,
        body: { body: 'Jullie zijn allemaal sukkels' },
      }),
    )
    await request(ctx, '/api/reports', {
      cookie: b.cookie,
      body: { subjectType: 'comment', subjectId: comment.id, reason: 'offensive', note: 'Scheldwoord' },
    })
    const queue = await json(await request(ctx, '/api/staff/moderation', { cookie: staff.cookie }))
    const item = queue.items.find(
      (i: { subjectId: number; subjectType: string }) => i.subjectType === 'comment' && i.subjectId === comment.id,
    )
    expect(item).toMatchObject({
      text: 'Jullie zijn allemaal sukkels',
      hidden: false,
      reports: [{ reason: 'offensive', note: 'Scheldwoord' }],
    })
    const hide = await request(ctx, `/api/staff/moderation/comment/${comment.id}`, {
      cookie: staff.cookie,
      body: { action: 'hide', reason: 'Scheldt andere deelnemers uit' },
    })
    expect(hide.status).toBe(204)
    const [shown] = (await json(await request(ctx, `/api/ideas/${idea.id}/comments`))).items
    expect(shown).toMatchObject({ hidden: true, body: '' })
    const after = await json(await request(ctx, '/api/staff/moderation', { cookie: staff.cookie }))
    expect(
      after.items.some(
        (i: { subjectId: number; subjectType: string }) => i.subjectType === 'comment' && i.subjectId === comment.id,
      ),
    ).toBe(false)
    const admin = await loginAs(ctx, 'admin')
    const audit = await json(await request(ctx, '/api/admin/audit?action=comment.hidden', { cookie: admin.cookie }))
    expect(audit.items[0]).toMatchObject({
      actorId: staff.userId,
      subjectId: comment.id,
      details: { reason: 'Scheldt andere deelnemers uit' },
    })
  })

  it('blocking a member hides their content and ends their sessions; unblocking brings it back', async () => {
    const staff = await loginAs(ctx, 'staff')
    const troll = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: troll.userId, themeId: theme.id })
    const block = await request(ctx, `/api/staff/users/${troll.userId}/block`, {
      cookie: staff.cookie,
      body: { reason: 'Herhaaldelijk schelden' },
    })
    expect(block.status).toBe(204)
    expect((await request(ctx, '/api/me', { cookie: troll.cookie })).status).toBe(401)
    expect((await request(ctx, `/api/ideas/${idea.id}`)).status).toBe(404)
    const login = await request(ctx, '/api/auth/login', {
      body: { email: troll.email, password: 'een-lang-wachtwoord-voor-tests' },
    })
    expect(login.status).toBe(403)
    await request(ctx, `/api/staff/users/${troll.userId}/unblock`, {
      cookie: staff.cookie,
      body: { reason: 'Excuses aangeboden' },
    })
    expect((await request(ctx, `/api/ideas/${idea.id}`)).status).toBe(200)
    const colleague = await loginAs(ctx, 'staff')
    expect(
      (
        await request(ctx, `/api/staff/users/${colleague.userId}/block`, {
          cookie: staff.cookie,
          body: { reason: 'Geen reden' },
        })
      ).status,
    ).toBe(409)
  })
})

describe('who may call staff routes', () => {
  it('refuses visitors (401) and members (403) on every staff and admin route, changing nothing', async () => {
    const fresh = createTestApp()
    const member = await loginAs(fresh, 'member')
    const t = await makeTheme(fresh.db)
    const idea = await makeIdea(fresh.db, { authorId: member.userId, themeId: t.id })
    const doc = await json(await request(fresh, '/api/openapi.json'))
    const routes = Object.entries<Record<string, { 'x-policy': string }>>(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op['x-policy'] === 'staff' || op['x-policy'] === 'admin')
        .map(([method]) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{type\}/, 'idea').replace(/\{[^}]+\}/g, String(idea.id)),
        })),
    )
    expect(routes.length).toBeGreaterThan(15)
    const before = await databaseDigest(fresh)
    for (const { method, path } of routes) {
      const body =
        method === 'GET' ? undefined : { status: 'planned', explanation: EXPLANATION, body: 'x', role: 'admin' }
      expect((await request(fresh, path, { method, body })).status, `${method} ${path} as visitor`).toBe(401)
      expect(
        (await request(fresh, path, { method, body, cookie: member.cookie })).status,
        `${method} ${path} as member`,
      ).toBe(403)
    }
    expect(await databaseDigest(fresh)).toBe(before)
  })
})
