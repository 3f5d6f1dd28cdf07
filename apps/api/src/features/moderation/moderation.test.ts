import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users } from '../../db/schema'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, PASSWORD, request } from '../../test/test-app'

type BlockedPage = {
  items: {
    id: number
    displayName: string
    blockedAt: string
    blockedById: number | null
    blockedByName: string | null
    reason: string | null
  }[]
  nextCursor: string | null
}

const MINUTE = 60_000

describe('blocked members', async () => {
  const ctx = createTestApp()
  const theme = await makeTheme(ctx.db)

  async function block(cookie: string, userId: number, reason: string) {
    const res = await request(ctx, `/api/staff/users/${userId}/block`, { cookie, body: { reason } })
    expect(res.status).toBe(204)
  }

  it('says in the moderation queue whether the author of reported content is blocked', async () => {
    const staff = await loginAs(ctx, 'staff')
    const [writer, reporter] = [await loginAs(ctx, 'member'), await loginAs(ctx, 'member')]
    const idea = await makeIdea(ctx.db, { authorId: writer.userId, themeId: theme.id })
    const { comment } = await json(
      await request(ctx, `/api/ideas/${idea.id}/comments`, {
        cookie: writer.cookie,
        body: { body: 'Koop mijn spullen' },
      }),
    )
    await request(ctx, '/api/reports', {
      cookie: reporter.cookie,
      body: { subjectType: 'comment', subjectId: comment.id, reason: 'spam' },
    })
    const itemOf = async () => {
      const queue = await json(await request(ctx, '/api/staff/moderation', { cookie: staff.cookie }))
      return queue.items.find((i: { subjectType: string; subjectId: number }) => i.subjectId === comment.id)
    }
    expect(await itemOf()).toMatchObject({ authorId: writer.userId, authorBlocked: false })
    await block(staff.cookie, writer.userId, 'Plaatst alleen reclame')
    expect(await itemOf()).toMatchObject({ authorId: writer.userId, authorBlocked: true })
    await request(ctx, `/api/staff/users/${writer.userId}/unblock`, {
      cookie: staff.cookie,
      body: { reason: 'Toch een vergissing' },
    })
    expect(await itemOf()).toMatchObject({ authorBlocked: false })
  })

  it('lists the members blocked now, newest block first, with who blocked them and why, page by page', async () => {
    const fresh = createTestApp()
    const staff = await loginAs(fresh, 'staff')
    const [a, b, c] = [await makeUser(fresh.db), await makeUser(fresh.db), await makeUser(fresh.db)]
    const blockIn = async (userId: number, reason: string) => {
      fresh.clock.advance(MINUTE)
      const res = await request(fresh, `/api/staff/users/${userId}/block`, { cookie: staff.cookie, body: { reason } })
      expect(res.status).toBe(204)
    }
    await blockIn(a.id, 'Eerste blokkade, om te testen')
    await blockIn(b.id, 'Tweede blokkade, om te testen')
    await blockIn(c.id, 'Derde blokkade, om te testen')
    const blockedAtOf = async (id: number) =>
      new Date((await fresh.db.select().from(users)).find((u) => u.id === id)?.blockedAt ?? 0)

    const first = await json<BlockedPage>(
      await request(fresh, '/api/staff/blocked-members?limit=2', { cookie: staff.cookie }),
    )
    expect(first.items).toEqual([
      {
        id: c.id,
        displayName: c.displayName,
        blockedAt: (await blockedAtOf(c.id)).toISOString(),
        blockedById: staff.userId,
        blockedByName: expect.any(String),
        reason: 'Derde blokkade, om te testen',
      },
      expect.objectContaining({ id: b.id, reason: 'Tweede blokkade, om te testen', blockedById: staff.userId }),
    ])
    expect(first.nextCursor).not.toBeNull()
    const second = await json<BlockedPage>(
      await request(fresh, `/api/staff/blocked-members?limit=2&cursor=${first.nextCursor}`, { cookie: staff.cookie }),
    )
    expect(second.items.map((i) => i.id)).toEqual([a.id])
    expect(second.nextCursor).toBeNull()

    // Unblocked members leave the list; blocking again puts them on top with the new reason.
    await request(fresh, `/api/staff/users/${c.id}/unblock`, { cookie: staff.cookie, body: { reason: 'Opgelost' } })
    await request(fresh, `/api/staff/users/${a.id}/unblock`, { cookie: staff.cookie, body: { reason: 'Opgelost' } })
    await blockIn(a.id, 'Opnieuw geblokkeerd, nu echt')
    const after = await json<BlockedPage>(await request(fresh, '/api/staff/blocked-members', { cookie: staff.cookie }))
    expect(after.items.map((i) => [i.id, i.reason])).toEqual([
      [a.id, 'Opnieuw geblokkeerd, nu echt'],
      [b.id, 'Tweede blokkade, om te testen'],
    ])
  })

  it('still lists a member blocked without a recorded reason, saying nobody and no reason', async () => {
    const fresh = createTestApp()
    const staff = await loginAs(fresh, 'staff')
    const old = await makeUser(fresh.db)
    await fresh.db
      .update(users)
      .set({ blockedAt: fresh.clock.now() - MINUTE })
      .where(eq(users.id, old.id))
    const page = await json<BlockedPage>(await request(fresh, '/api/staff/blocked-members', { cookie: staff.cookie }))
    expect(page.items).toEqual([
      expect.objectContaining({ id: old.id, blockedById: null, blockedByName: null, reason: null }),
    ])
  })

  it('refuses a cursor it did not issue or a limit out of range with 422, changing nothing', async () => {
    const staff = await loginAs(ctx, 'staff')
    const before = await databaseDigest(ctx)
    for (const query of ['cursor=!!', `cursor=${Buffer.from('"x"').toString('base64url')}`, 'limit=0', 'limit=51']) {
      const res = await request(ctx, `/api/staff/blocked-members?${query}`, { cookie: staff.cookie })
      expect(res.status, query).toBe(422)
      const body = await json(res)
      expect(body.error.code, query).toBe('validation_failed')
      expect(Object.keys(body.error.fields ?? {}), query).toHaveLength(1)
    }
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('is for staff only', async () => {
    const member = await loginAs(ctx, 'member')
    expect((await request(ctx, '/api/staff/blocked-members')).status).toBe(401)
    expect((await request(ctx, '/api/staff/blocked-members', { cookie: member.cookie })).status).toBe(403)
  })
})

const HOUR = 3_600_000

type QueueItem = {
  subjectType: string
  subjectId: number
  text: string
  hidden: boolean
  hiddenReason: string | null
  deleted: boolean
  reportsCannotHide: string | null
  reports: { reason: string; note: string | null; weight: string; countsLessBecause: string[] }[]
}

describe('reports hide content pending review, weighed by who reports', () => {
  /** A fresh app with an idea to talk about and one to vote on. */
  async function setUp() {
    const own = createTestApp()
    const theme = await makeTheme(own.db)
    const writer = await makeUser(own.db)
    const idea = await makeIdea(own.db, { authorId: writer.id, themeId: theme.id })
    const elsewhere = await makeIdea(own.db, { authorId: writer.id, themeId: theme.id })
    return { own, theme, idea, elsewhere }
  }

  type Setup = Awaited<ReturnType<typeof setUp>>

  /** Members who joined just now, without doing anything yet. */
  async function newcomers({ own }: Setup, n: number) {
    return Promise.all(Array.from({ length: n }, () => loginAs(own, 'member')))
  }

  /** Members who voted once on another idea, a day and an hour ago. */
  async function regulars(setup: Setup, n: number) {
    const people = await newcomers(setup, n)
    for (const p of people) {
      const vote = await request(setup.own, `/api/ideas/${setup.elsewhere.id}/vote`, {
        method: 'PUT',
        cookie: p.cookie,
      })
      expect(vote.status).toBe(200)
    }
    setup.own.clock.advance(25 * HOUR)
    return people
  }

  async function reportAs(
    { own }: Setup,
    cookie: string,
    subject: { type: 'idea' | 'comment'; id: number },
    note?: string,
  ) {
    const res = await request(own, '/api/reports', {
      cookie,
      body: { subjectType: subject.type, subjectId: subject.id, reason: 'offensive', ...(note ? { note } : {}) },
    })
    expect(res.status).toBe(201)
  }

  async function queueItem({ own }: Setup, subject: { type: string; id: number }): Promise<QueueItem | undefined> {
    const staff = await loginAs(own, 'staff')
    const queue = await json<{ items: QueueItem[] }>(
      await request(own, '/api/staff/moderation', { cookie: staff.cookie }),
    )
    return queue.items.find((i) => i.subjectType === subject.type && i.subjectId === subject.id)
  }

  async function commentBy(setup: Setup, cookie: string, body: string, official = false) {
    const res = await request(setup.own, `/api/ideas/${setup.idea.id}/comments`, { cookie, body: { body, official } })
    expect(res.status).toBe(201)
    return (await json(res)).comment.id as number
  }

  async function publicComment(setup: Setup, id: number) {
    const { items } = await json(await request(setup.own, `/api/ideas/${setup.idea.id}/comments`))
    return items.find((c: { id: number }) => c.id === id)
  }

  it('does not hide at three reports from accounts made just now; they reach the queue, each counting for a third', async () => {
    const setup = await setUp()
    const writer = await loginAs(setup.own, 'member')
    const id = await commentBy(setup, writer.cookie, 'Ik ben het hier niet mee eens.')
    for (const p of await newcomers(setup, 3)) await reportAs(setup, p.cookie, { type: 'comment', id })
    expect(await publicComment(setup, id)).toMatchObject({ hidden: false, body: 'Ik ben het hier niet mee eens.' })
    const item = await queueItem(setup, { type: 'comment', id })
    expect(item).toMatchObject({ hidden: false, hiddenReason: null })
    expect(item?.reports).toHaveLength(3)
    for (const r of item?.reports ?? []) {
      expect(r).toMatchObject({ weight: 'light', countsLessBecause: ['new_account', 'no_activity'] })
    }
    // Nine of them weigh as much as three established members.
    for (const p of await newcomers(setup, 5)) await reportAs(setup, p.cookie, { type: 'comment', id })
    expect(await publicComment(setup, id)).toMatchObject({ hidden: false })
    for (const p of await newcomers(setup, 1)) await reportAs(setup, p.cookie, { type: 'comment', id })
    expect(await publicComment(setup, id)).toMatchObject({ hidden: true, body: '' })
  })

  it('counts a report in full from an account over a day old with activity of its own; three hide, and the queue says why', async () => {
    const setup = await setUp()
    const subject = { type: 'idea' as const, id: setup.idea.id }
    const notes = ['Noemt mijn buurman bij naam', undefined, 'Persoonlijke gegevens']
    const people = await regulars(setup, notes.length)
    for (const [i, p] of people.entries()) {
      expect((await request(setup.own, `/api/ideas/${setup.idea.id}`)).status, `before report ${i + 1}`).toBe(200)
      await reportAs(setup, p.cookie, subject, notes[i])
    }
    expect((await request(setup.own, `/api/ideas/${setup.idea.id}`)).status).toBe(404)
    expect(await queueItem(setup, subject)).toMatchObject({
      hidden: true,
      hiddenReason: 'reports',
      reportsCannotHide: null,
      reports: [
        { reason: 'offensive', note: 'Noemt mijn buurman bij naam', weight: 'full', countsLessBecause: [] },
        { note: null, weight: 'full', countsLessBecause: [] },
        { note: 'Persoonlijke gegevens', weight: 'full', countsLessBecause: [] },
      ],
    })
  })

  it('withdraws the reports of an account that is erased: what they alone hid shows again, and leaves the queue', async () => {
    const setup = await setUp()
    const subject = { type: 'idea' as const, id: setup.idea.id }
    const people = await regulars(setup, 3)
    for (const p of people) await reportAs(setup, p.cookie, subject)
    expect((await request(setup.own, `/api/ideas/${setup.idea.id}`)).status).toBe(404)
    // Erasing the accounts cannot leave the idea hidden for good, with no report left to judge.
    for (const p of people) {
      const erased = await request(setup.own, '/api/me', {
        method: 'DELETE',
        cookie: p.cookie,
        body: { password: PASSWORD },
      })
      expect(erased.status).toBe(204)
    }
    expect((await request(setup.own, `/api/ideas/${setup.idea.id}`)).status).toBe(200)
    expect(await queueItem(setup, subject)).toBeUndefined()
  })

  it('counts one report per person: three by one established member do not hide', async () => {
    const setup = await setUp()
    const [a, b] = (await regulars(setup, 2)).map((p) => p.cookie)
    const subject = { type: 'idea' as const, id: setup.idea.id }
    for (const cookie of [a, a, a, b]) await reportAs(setup, cookie ?? '', subject)
    expect((await request(setup.own, `/api/ideas/${setup.idea.id}`)).status).toBe(200)
    expect((await queueItem(setup, subject))?.reports).toHaveLength(2)
  })

  it('adds up the weights: two full and three light reports hide, two full and two light do not', async () => {
    const setup = await setUp()
    const writer = await loginAs(setup.own, 'member')
    const id = await commentBy(setup, writer.cookie, 'Een gewone reactie.')
    const full = await regulars(setup, 2)
    // Over a day old, but nothing of their own before the report.
    const idle = await newcomers(setup, 2)
    setup.own.clock.advance(25 * HOUR)
    for (const p of [...full, ...idle]) await reportAs(setup, p.cookie, { type: 'comment', id })
    expect(await publicComment(setup, id)).toMatchObject({ hidden: false })
    const reports = (await queueItem(setup, { type: 'comment', id }))?.reports ?? []
    expect(reports.map((r) => [r.weight, r.countsLessBecause])).toEqual([
      ['full', []],
      ['full', []],
      ['light', ['no_activity']],
      ['light', ['no_activity']],
    ])
    for (const late of await newcomers(setup, 1)) await reportAs(setup, late.cookie, { type: 'comment', id })
    expect(await publicComment(setup, id)).toMatchObject({ hidden: true })
  })

  it('never hides what staff wrote, the official answer included; the reports still reach the queue', async () => {
    const setup = await setUp()
    const staff = await loginAs(setup.own, 'staff')
    const official = await commentBy(setup, staff.cookie, 'We pakken dit in maart aan.', true)
    const plain = await commentBy(setup, staff.cookie, 'Dank voor uw idee.')
    const staffIdea = await makeIdea(setup.own.db, { authorId: staff.userId, themeId: setup.theme.id })
    const reporters = await regulars(setup, 3)
    for (const p of reporters) {
      await reportAs(setup, p.cookie, { type: 'comment', id: official })
      await reportAs(setup, p.cookie, { type: 'comment', id: plain })
      await reportAs(setup, p.cookie, { type: 'idea', id: staffIdea.id })
    }
    const { idea } = await json(await request(setup.own, `/api/ideas/${setup.idea.id}`))
    expect(idea.officialAnswer).toMatchObject({ body: 'We pakken dit in maart aan.' })
    expect(await publicComment(setup, plain)).toMatchObject({ hidden: false })
    expect((await request(setup.own, `/api/ideas/${staffIdea.id}`)).status).toBe(200)
    for (const subject of [
      { type: 'comment', id: official },
      { type: 'comment', id: plain },
      { type: 'idea', id: staffIdea.id },
    ]) {
      const item = await queueItem(setup, subject)
      expect(item, JSON.stringify(subject)).toMatchObject({ hidden: false, reportsCannotHide: 'staff' })
      expect(item?.reports).toHaveLength(3)
    }
  })

  it('after a moderator restores something, reports do not hide it again, and the overruled reporters count for a third', async () => {
    const setup = await setUp()
    const writer = await loginAs(setup.own, 'member')
    const fair = await commentBy(setup, writer.cookie, 'Ik vind het geldverspilling.')
    const other = await commentBy(setup, writer.cookie, 'En de stoep is ook te smal.')
    const attackers = await regulars(setup, 3)
    for (const p of attackers) await reportAs(setup, p.cookie, { type: 'comment', id: fair })
    expect(await publicComment(setup, fair)).toMatchObject({ hidden: true })
    const staff = await loginAs(setup.own, 'staff')
    const restore = await request(setup.own, `/api/staff/moderation/comment/${fair}`, {
      cookie: staff.cookie,
      body: { action: 'restore', reason: 'Een mening, geen belediging' },
    })
    expect(restore.status).toBe(204)
    expect(await publicComment(setup, fair)).toMatchObject({ hidden: false })

    for (const p of await regulars(setup, 3)) await reportAs(setup, p.cookie, { type: 'comment', id: fair })
    expect(await publicComment(setup, fair)).toMatchObject({ hidden: false })
    expect(await queueItem(setup, { type: 'comment', id: fair })).toMatchObject({
      hidden: false,
      reportsCannotHide: 'restored',
    })

    for (const p of attackers) await reportAs(setup, p.cookie, { type: 'comment', id: other })
    expect(await publicComment(setup, other)).toMatchObject({ hidden: false })
    const reports = (await queueItem(setup, { type: 'comment', id: other }))?.reports ?? []
    expect(reports.map((r) => [r.weight, r.countsLessBecause])).toEqual([
      ['light', ['overruled']],
      ['light', ['overruled']],
      ['light', ['overruled']],
    ])
  })
})
