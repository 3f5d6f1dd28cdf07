import { asc, eq, type SQL, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rawRows, rawRun } from '../../db/raw-sql'
import { ideaAssignments, ideas, votes } from '../../db/schema'
import { makeDepartment, makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request, type TestContext } from '../../test/test-app'

/** The first column of each row a query gives, on either engine. */
async function pluck(ctx: TestContext, query: SQL): Promise<unknown[]> {
  return (await rawRows(ctx.db, query)).map((row) => row[0])
}

const EXPLANATION = 'We hebben dit besproken met het team en gaan het zo doen.'

type Item = { id: number }
const ids = (page: { items: Item[] }) => page.items.map((i) => i.id)

async function place(ctx: TestContext, id: number, values: Partial<typeof ideas.$inferInsert>) {
  await ctx.db.update(ideas).set(values).where(eq(ideas.id, id))
}

async function inbox(ctx: TestContext, cookie: string, query: string) {
  const res = await request(ctx, `/api/staff/inbox?${query}`, { cookie })
  expect(res.status, query).toBe(200)
  return json<{ items: (Item & { title: string })[]; nextCursor: string | null; counts: Record<string, number> }>(res)
}

describe('the Werkbak: search and filters', async () => {
  const ctx = createTestApp()
  // The day after the ideas came in: none is overdue yet.
  ctx.clock.set('2026-10-02T10:00:00+02:00')
  const author = await makeUser(ctx.db)
  const [verkeer, groen] = [await makeTheme(ctx.db), await makeTheme(ctx.db)]
  const [kolham, muntendam] = [await makeDistrict(ctx.db), await makeDistrict(ctx.db)]
  const [wegen, parken] = [await makeDepartment(ctx.db), await makeDepartment(ctx.db)]
  const idea = async (values: Partial<Parameters<typeof makeIdea>[1]>) =>
    await makeIdea(ctx.db, { authorId: author.id, themeId: verkeer.id, ...values })
  // Oldest first: the needs-answer tab shows them in this order.
  const fietsKolham = await idea({ title: 'Een fietsenrek bij het station van Kolham', districtId: kolham.id })
  const fietsMunt = await idea({ title: 'Fietsenrekken bij de school in Muntendam', districtId: muntendam.id })
  const bomen = await idea({ title: 'Meer bomen in het park van Kolham', themeId: groen.id, districtId: kolham.id })
  const gepland = await idea({ title: 'Fietspad langs het kanaal verbreden', status: 'planned' })
  const verborgen = await idea({ title: 'Fietsen verboden op de markt', hidden: true })
  const samengevoegd = await idea({ title: 'Een fietsenrek bij het station graag', status: 'merged' })

  it('combines search, theme, district, status, department and colleague with each tab, counting each tab alike', async () => {
    const staff = await loginAs(ctx, 'staff')
    const colleague = await makeUser(ctx.db, { role: 'staff' })
    await place(ctx, fietsKolham.id, { departmentId: wegen.id, assigneeId: staff.userId })
    await place(ctx, fietsMunt.id, { departmentId: wegen.id, assigneeId: colleague.id })
    await place(ctx, bomen.id, { departmentId: parken.id })
    await place(ctx, gepland.id, { departmentId: wegen.id, firstResponseAt: gepland.createdAt + 1 })

    // Search is the ideas search: word prefixes in title or text, every word required.
    let page = await inbox(ctx, staff.cookie, 'tab=needs_answer&q=fiets')
    expect(ids(page)).toEqual([fietsKolham.id, fietsMunt.id])
    expect(page.counts).toMatchObject({ needs_answer: 2, mine: 1, overdue: 0, stale: 0, reported: 0, all: 3 })
    // "all" is every visible idea, newest first; merged ones only when asked for by status.
    page = await inbox(ctx, staff.cookie, 'tab=all&q=fiets')
    expect(ids(page)).toEqual([gepland.id, fietsMunt.id, fietsKolham.id])
    page = await inbox(ctx, staff.cookie, 'tab=all&q=fiets&status=merged')
    expect(ids(page)).toEqual([samengevoegd.id])
    expect(ids(page)).not.toContain(verborgen.id)

    page = await inbox(ctx, staff.cookie, `tab=all&district=${kolham.id}`)
    expect(ids(page)).toEqual([bomen.id, fietsKolham.id])
    page = await inbox(ctx, staff.cookie, `tab=all&district=${kolham.id}&theme=${verkeer.id}`)
    expect(ids(page)).toEqual([fietsKolham.id])
    page = await inbox(ctx, staff.cookie, `tab=all&department=${wegen.id}&status=new`)
    expect(ids(page)).toEqual([fietsMunt.id, fietsKolham.id])
    page = await inbox(ctx, staff.cookie, `tab=needs_answer&assignee=${colleague.id}`)
    expect(ids(page)).toEqual([fietsMunt.id])
    expect(page.counts).toMatchObject({ needs_answer: 1, mine: 0, all: 1 })
    page = await inbox(ctx, staff.cookie, 'tab=all&assignee=none&q=fiets')
    expect(ids(page)).toEqual([gepland.id])
    page = await inbox(ctx, staff.cookie, 'tab=all&department=none')
    expect(ids(page)).not.toContain(fietsKolham.id)
    page = await inbox(ctx, staff.cookie, 'tab=mine&q=bomen')
    expect(ids(page)).toEqual([])
    expect(page.counts).toMatchObject({ needs_answer: 1, mine: 0, all: 1 })
    // Only punctuation: nothing to search for, so nothing found (as in the public search).
    page = await inbox(ctx, staff.cookie, 'tab=all&q=%22%3F')
    expect(page).toMatchObject({ items: [], counts: { all: 0, needs_answer: 0 } })
  })

  it('pages through a filtered tab newest first without skipping or repeating an idea', async () => {
    const staff = await loginAs(ctx, 'staff')
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page = await inbox(
        ctx,
        staff.cookie,
        `tab=all&theme=${verkeer.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      seen.push(...ids(page))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([gepland.id, fietsMunt.id, fietsKolham.id])
  })

  it('refuses filters that are not a plain id (or "none") with 422 naming the field', async () => {
    const staff = await loginAs(ctx, 'staff')
    for (const [query, field] of [
      ['theme=abc', 'theme'],
      ['district=0x10', 'district'],
      ['department=iedereen', 'department'],
      ['assignee=-1', 'assignee'],
      ['status=lost', 'status'],
      ['tab=everything', 'tab'],
      [`q=${'a'.repeat(201)}`, 'q'],
    ] as const) {
      const res = await request(ctx, `/api/staff/inbox?${query}`, { cookie: staff.cookie })
      expect(res.status, query).toBe(422)
      expect((await json(res)).error.fields, query).toHaveProperty(field)
    }
  })
})

describe('bulk status change', () => {
  it('changes every selected idea with one explanation: a timeline entry, an audit entry and notifications per idea', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const staff = await loginAs(ctx, 'staff')
    const member = await loginAs(ctx, 'member')
    const selection: number[] = []
    for (let i = 0; i < 3; i++)
      selection.push((await makeIdea(ctx.db, { authorId: member.userId, themeId: theme.id })).id)
    for (const id of selection) await request(ctx, `/api/ideas/${id}/follow`, { method: 'PUT', cookie: member.cookie })
    const res = await request(ctx, '/api/staff/bulk/status', {
      cookie: staff.cookie,
      body: { ideaIds: selection, status: 'under_review', explanation: EXPLANATION },
    })
    expect(res.status).toBe(200)
    expect((await json(res)).ideaIds).toEqual(selection)
    for (const id of selection) {
      const { idea } = await json(await request(ctx, `/api/ideas/${id}`))
      expect(idea.status).toBe('under_review')
      expect(idea.timeline.at(-1)).toMatchObject({
        fromStatus: 'new',
        toStatus: 'under_review',
        explanation: EXPLANATION,
      })
      expect(idea.waitingWorkingDays).toBeNull()
    }
    const audit = await pluck(
      ctx,
      sql`select subject_id from audit_log where action = 'idea.status_changed' and actor_id = ${staff.userId} order by subject_id`,
    )
    expect(audit).toEqual(selection)
    const notified = await pluck(
      ctx,
      sql`select idea_id from notifications where user_id = ${member.userId} and kind = 'status_changed' order by idea_id`,
    )
    expect(notified).toEqual(selection)
  })

  it('changes nothing when one idea cannot make the change, and names each that cannot and why (409)', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const staff = await loginAs(ctx, 'staff')
    const fresh = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    const done = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'done' })).id
    const planned = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'planned' })).id
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/staff/bulk/status', {
      cookie: staff.cookie,
      body: { ideaIds: [fresh, done, planned, 999_999], status: 'planned', explanation: EXPLANATION },
    })
    expect(res.status).toBe(409)
    const { error } = await json(res)
    expect(error.fields).toEqual({
      [`ideas.${done}`]: `Idee #${done} heeft de status "Gerealiseerd" en kan niet naar "Gepland".`,
      [`ideas.${planned}`]: `Idee #${planned} heeft de status "Gepland" al.`,
      'ideas.999999': 'Idee #999999 bestaat niet (meer).',
    })
    expect(error.message).toMatch(/^Er is niets veranderd: bij 3 van de 4 ideeën kan dit niet\./)
    expect(error.message).toContain(`#${done}`)
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('asks what a single change asks: a reason to decline, a closure record when done; merging is its own action', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const staff = await loginAs(ctx, 'staff')
    const idea = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'in_progress' })).id
    const before = await databaseDigest(ctx)
    for (const [body, field] of [
      [{ status: 'declined' }, 'declineReason'],
      [{ status: 'declined', declineReason: 'not_municipal_task' }, 'referredTo'],
      [{ status: 'done' }, 'closure'],
      [{ status: 'merged' }, 'status'],
      [{ status: 'planned', explanation: 'Te kort.' }, 'explanation'],
      [{ status: 'planned', ideaIds: [] }, 'ideaIds'],
      [{ status: 'planned', ideaIds: [idea, idea] }, 'ideaIds'],
      [{ status: 'planned', ideaIds: Array.from({ length: 101 }, (_, i) => i + 1) }, 'ideaIds'],
    ] as const) {
      const res = await request(ctx, '/api/staff/bulk/status', {
        cookie: staff.cookie,
        body: { ideaIds: [idea], explanation: EXPLANATION, ...body },
      })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect((await json(res)).error.fields, JSON.stringify(body)).toHaveProperty(field)
    }
    expect(await databaseDigest(ctx)).toBe(before)
  })
})

describe('bulk merge', () => {
  it('merges three duplicates into one: each voter counted once, followers moved, every duplicate closed and audited', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const staff = await loginAs(ctx, 'staff')
    const [a, b, c, d] = [
      await loginAs(ctx, 'member'),
      await loginAs(ctx, 'member'),
      await loginAs(ctx, 'member'),
      await loginAs(ctx, 'member'),
    ]
    const target = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    const s1 = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    const s2 = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    const s3 = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    // a votes for all four, b for two duplicates, c for one, d only for the target.
    for (const [who, ideaIds] of [
      [a, [target, s1, s2, s3]],
      [b, [s1, s2]],
      [c, [s3]],
      [d, [target]],
    ] as const) {
      for (const id of ideaIds) await request(ctx, `/api/ideas/${id}/vote`, { method: 'PUT', cookie: who.cookie })
    }
    await request(ctx, `/api/ideas/${s2}/follow`, { method: 'PUT', cookie: c.cookie })
    const everyFollower = await pluck(
      ctx,
      sql.raw(
        `select distinct user_id from followers where idea_id in (${[target, s1, s2, s3].join(',')}) order by user_id`,
      ),
    )
    expect(everyFollower).toContain(c.userId)
    const res = await request(ctx, '/api/staff/bulk/merge', {
      cookie: staff.cookie,
      body: {
        sourceIds: [s1, s2, s3],
        targetId: target,
        explanation: 'Deze ideeën gaan over hetzelfde als het andere idee.',
      },
    })
    expect(res.status).toBe(200)
    // Voters: a, b, c and d, each once.
    expect((await json(res)).idea).toMatchObject({ id: target, voteCount: 4 })
    const count = async (id: number) => await ctx.db.$count(votes, eq(votes.ideaId, id))
    expect(await count(target)).toBe(4)
    for (const id of [s1, s2, s3]) {
      expect(await count(id)).toBe(0)
      const { idea } = await json(await request(ctx, `/api/ideas/${id}`))
      expect(idea).toMatchObject({ status: 'merged', mergedIntoId: target, voteCount: 0 })
    }
    const followers = await pluck(ctx, sql`select user_id from followers where idea_id = ${target} order by user_id`)
    expect(followers).toEqual(everyFollower)
    const [stored] = await ctx.db
      .select({ vote_count: ideas.voteCount, follower_count: ideas.followerCount })
      .from(ideas)
      .where(eq(ideas.id, target))
    expect(stored).toEqual({ vote_count: 4, follower_count: everyFollower.length })
    const audit = await pluck(
      ctx,
      sql`select subject_id from audit_log where action = 'idea.merged' order by subject_id`,
    )
    expect(audit).toEqual([s1, s2, s3])
    // The follower of a duplicate hears where the conversation goes on, as with a single merge.
    const told = await pluck(
      ctx,
      sql`select idea_id from notifications where user_id = ${c.userId} and kind = 'merged'`,
    )
    expect(told).toContain(s2)
  })

  it('merges nothing when a duplicate is merged already or is the target itself, naming it (409); a closed target is 422', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const staff = await loginAs(ctx, 'staff')
    const voter = await loginAs(ctx, 'member')
    const target = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    const open = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    const merged = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'merged' })).id
    await request(ctx, `/api/ideas/${open}/vote`, { method: 'PUT', cookie: voter.cookie })
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/staff/bulk/merge', {
      cookie: staff.cookie,
      body: { sourceIds: [open, merged, target], targetId: target, explanation: EXPLANATION },
    })
    expect(res.status).toBe(409)
    expect((await json(res)).error.fields).toEqual({
      [`ideas.${target}`]: `Idee #${target} is het idee waarmee u samenvoegt.`,
      [`ideas.${merged}`]: `Idee #${merged} is al samengevoegd.`,
    })
    const closed = await request(ctx, '/api/staff/bulk/merge', {
      cookie: staff.cookie,
      body: { sourceIds: [open], targetId: merged, explanation: EXPLANATION },
    })
    expect(closed.status).toBe(422)
    expect((await json(closed)).error.fields).toHaveProperty('targetId')
    expect(await databaseDigest(ctx)).toBe(before)
  })
})

describe('bulk assignment', () => {
  it('hands every idea to a department and colleague, logging a hand-off for each that moved', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const wegen = await makeDepartment(ctx.db)
    const staff = await loginAs(ctx, 'staff')
    const colleague = await loginAs(ctx, 'staff')
    const one = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    const two = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    const there = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })).id
    await place(ctx, there, { departmentId: wegen.id, assigneeId: colleague.userId })
    const res = await request(ctx, '/api/staff/bulk/assign', {
      cookie: staff.cookie,
      body: { ideaIds: [one, two, there], departmentId: wegen.id, assigneeId: colleague.userId, note: 'Voor jou.' },
    })
    expect(res.status).toBe(200)
    expect((await json(res)).ideaIds).toEqual([one, two])
    const mine = await inbox(ctx, colleague.cookie, 'tab=mine')
    expect(ids(mine).sort()).toEqual([one, two, there].sort())
    const handOffs = await ctx.db
      .select({
        idea_id: ideaAssignments.ideaId,
        to_department_id: ideaAssignments.toDepartmentId,
        to_assignee_id: ideaAssignments.toAssigneeId,
        note: ideaAssignments.note,
      })
      .from(ideaAssignments)
      .orderBy(asc(ideaAssignments.ideaId))
    expect(handOffs).toEqual([
      { idea_id: one, to_department_id: wegen.id, to_assignee_id: colleague.userId, note: 'Voor jou.' },
      { idea_id: two, to_department_id: wegen.id, to_assignee_id: colleague.userId, note: 'Voor jou.' },
    ])
    const audit = await pluck(
      ctx,
      sql`select subject_id from audit_log where action = 'idea.assigned' order by subject_id`,
    )
    expect(audit).toEqual([one, two])
    // Told as the single hand-off tells: once per idea that came to them.
    const told = await pluck(
      ctx,
      sql`select idea_id from notifications where user_id = ${colleague.userId} and kind = 'idea_assigned' order by idea_id`,
    )
    expect(told).toEqual([one, two])
  })

  it('changes nothing for an unknown department or colleague, a member, or an unknown idea', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const member = await loginAs(ctx, 'member')
    const staff = await loginAs(ctx, 'staff')
    const idea = (await makeIdea(ctx.db, { authorId: member.userId, themeId: theme.id })).id
    const before = await databaseDigest(ctx)
    for (const [body, status, field] of [
      [{ departmentId: 999 }, 422, 'departmentId'],
      [{ assigneeId: member.userId }, 422, 'assigneeId'],
      [{}, 422, 'departmentId'],
      [{ assigneeId: staff.userId, ideaIds: [idea, 999_999] }, 409, 'ideas.999999'],
    ] as const) {
      const res = await request(ctx, '/api/staff/bulk/assign', {
        cookie: staff.cookie,
        body: { ideaIds: [idea], ...body },
      })
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect((await json(res)).error.fields, JSON.stringify(body)).toHaveProperty([field])
    }
    expect(await databaseDigest(ctx)).toBe(before)
  })
})

describe('answer templates', () => {
  it('are kept per department by staff, and audited', async () => {
    const ctx = createTestApp()
    const wegen = await makeDepartment(ctx.db)
    const parken = await makeDepartment(ctx.db)
    const staff = await loginAs(ctx, 'staff')
    const made = await request(ctx, '/api/staff/answer-templates', {
      cookie: staff.cookie,
      body: { departmentId: wegen.id, title: 'Wij kijken ernaar', body: 'Beste {naam}, dank voor uw idee {titel}.' },
    })
    expect(made.status).toBe(201)
    const template = await json(made)
    await request(ctx, '/api/staff/answer-templates', {
      cookie: staff.cookie,
      body: { departmentId: parken.id, title: 'Al gepland', body: 'Beste {naam}, dit staat al gepland.' },
    })
    const list = await json(
      await request(ctx, `/api/staff/answer-templates?department=${wegen.id}`, { cookie: staff.cookie }),
    )
    expect(list.items.map((t: { title: string }) => t.title)).toEqual(['Wij kijken ernaar'])
    const changed = await request(ctx, `/api/staff/answer-templates/${template.id}`, {
      method: 'PUT',
      cookie: staff.cookie,
      body: { departmentId: parken.id, title: 'We kijken ernaar', body: 'Beste {naam}, bedankt.' },
    })
    expect(changed.status).toBe(200)
    expect(await json(changed)).toMatchObject({ departmentId: parken.id, title: 'We kijken ernaar' })
    const bad = await request(ctx, '/api/staff/answer-templates', {
      cookie: staff.cookie,
      body: { departmentId: 999, title: 'x', body: '' },
    })
    expect(bad.status).toBe(422)
    expect(Object.keys((await json(bad)).error.fields).sort()).toEqual(['body', 'title'])
    const unknownDepartment = await request(ctx, '/api/staff/answer-templates', {
      cookie: staff.cookie,
      body: { departmentId: 999, title: 'Goede titel', body: 'Een tekst die lang genoeg is.' },
    })
    expect((await json(unknownDepartment)).error.fields).toHaveProperty('departmentId')
    const gone = await request(ctx, `/api/staff/answer-templates/${template.id}`, {
      method: 'DELETE',
      cookie: staff.cookie,
    })
    expect(gone.status).toBe(204)
    const again = await request(ctx, `/api/staff/answer-templates/${template.id}`, {
      method: 'DELETE',
      cookie: staff.cookie,
    })
    expect(again.status).toBe(404)
    const audit = await pluck(ctx, sql`select action from audit_log where action like 'answer_template.%' order by id`)
    expect(audit).toEqual([
      'answer_template.created',
      'answer_template.created',
      'answer_template.changed',
      'answer_template.deleted',
    ])
  })

  it('are only for staff: visitors get 401, members 403, and nothing changes', async () => {
    const ctx = createTestApp()
    const wegen = await makeDepartment(ctx.db)
    const member = await loginAs(ctx, 'member')
    const idea = (await makeIdea(ctx.db, { authorId: member.userId, themeId: (await makeTheme(ctx.db)).id })).id
    const before = await databaseDigest(ctx)
    const body = { departmentId: wegen.id, title: 'Wij kijken ernaar', body: 'Beste {naam}, dank u wel.' }
    for (const [method, path] of [
      ['GET', '/api/staff/answer-templates'],
      ['POST', '/api/staff/answer-templates'],
      ['PUT', '/api/staff/answer-templates/1'],
      ['DELETE', '/api/staff/answer-templates/1'],
      ['GET', `/api/staff/ideas/${idea}/answer-templates`],
    ] as const) {
      const withBody = method === 'POST' || method === 'PUT' ? { body } : {}
      expect((await request(ctx, path, { method, ...withBody })).status, `${method} ${path}`).toBe(401)
      expect(
        (await request(ctx, path, { method, cookie: member.cookie, ...withBody })).status,
        `${method} ${path}`,
      ).toBe(403)
    }
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('come filled in for an idea: {naam} is the resident, {titel} the idea; its department first', async () => {
    const ctx = createTestApp()
    const [wegen, parken] = [await makeDepartment(ctx.db), await makeDepartment(ctx.db)]
    const resident = await makeUser(ctx.db, { displayName: 'Inge de Vries' })
    const idea = (
      await makeIdea(ctx.db, {
        authorId: resident.id,
        themeId: (await makeTheme(ctx.db)).id,
        title: 'Een bankje bij de bushalte',
      })
    ).id
    await place(ctx, idea, { departmentId: wegen.id })
    const staff = await loginAs(ctx, 'staff')
    for (const [departmentId, title, body] of [
      [parken.id, 'Andere afdeling', 'Hallo {naam}.'],
      [
        wegen.id,
        'Wij kijken ernaar',
        'Beste {naam},\n\nDank voor uw idee "{titel}". {naam}, wij laten van ons horen. {onbekend} blijft staan.',
      ],
    ] as const) {
      await request(ctx, '/api/staff/answer-templates', { cookie: staff.cookie, body: { departmentId, title, body } })
    }
    const res = await request(ctx, `/api/staff/ideas/${idea}/answer-templates`, { cookie: staff.cookie })
    expect(res.status).toBe(200)
    const { items } = await json(res)
    expect(items.map((t: { title: string; text: string }) => [t.title, t.text])).toEqual([
      [
        'Wij kijken ernaar',
        'Beste Inge de Vries,\n\nDank voor uw idee "Een bankje bij de bushalte". Inge de Vries, wij laten van ons horen. {onbekend} blijft staan.',
      ],
      ['Andere afdeling', 'Hallo Inge de Vries.'],
    ])
    expect((await request(ctx, '/api/staff/ideas/999999/answer-templates', { cookie: staff.cookie })).status).toBe(404)
  })
})

describe('the Werkbak as a file', async () => {
  const ctx = createTestApp()
  ctx.clock.set('2026-10-02T10:00:00+02:00')
  const theme = await makeTheme(ctx.db, { name: 'Verkeer' })
  const kolham = await makeDistrict(ctx.db, 'Kolham')
  const author = await makeUser(ctx.db, { displayName: 'Inge Geheimnaam' })
  const first = await makeIdea(ctx.db, {
    authorId: author.id,
    themeId: theme.id,
    districtId: kolham.id,
    title: 'Een fietsenrek; bij het station',
  })
  const second = await makeIdea(ctx.db, {
    authorId: author.id,
    themeId: theme.id,
    title: 'Fietsenrekken bij de school',
  })
  await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title: 'Meer bomen in het park' })

  it('holds the list as shown, every page, in CSV for Dutch Excel: private, no personal data of residents', async () => {
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, '/api/staff/export?tab=all&q=fiets&format=excel-nl', { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="meedenken-werkbak-all-2026-10-02-excel.csv"',
    )
    expect(res.headers.get('x-meedenken-capped')).toBeNull()
    const bytes = Buffer.from(await res.arrayBuffer())
    // A byte-order mark first: without it Excel garbles é and ë.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text.startsWith('\uFEFF"Nummer";"Titel";"Status";"Thema";"Dorp of wijk"')).toBe(true)
    const lines = text.trim().split('\r\n').slice(1)
    // Newest first, as the "all" tab shows them.
    expect(lines.map((line) => Number(line.split(';')[0]))).toEqual([second.id, first.id])
    expect(lines[1]).toContain('"Een fietsenrek; bij het station";"Nieuw";"Verkeer";"Kolham";"Geen afdeling";"Niemand"')
    expect(text).not.toContain('Geheimnaam')
  })

  it('names the file and its "gemaakt" line by the date in the Netherlands, also just after midnight', async () => {
    const before = ctx.clock.now()
    // 00:30 in Amsterdam is still the day before in UTC.
    ctx.clock.set('2027-04-01T00:30:00+02:00')
    try {
      const staff = await loginAs(ctx, 'staff')
      const res = await request(ctx, '/api/staff/export?tab=all&format=excel-nl', { cookie: staff.cookie })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="meedenken-werkbak-all-2027-04-01-excel.csv"',
      )
      expect(await res.text()).not.toContain('2027-03-31')
    } finally {
      ctx.clock.set(new Date(before).toISOString())
    }
  })

  it('is an Excel workbook with a line that says what was selected', async () => {
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, `/api/staff/export?tab=needs_answer&theme=${theme.id}`, { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const ExcelJS = (await import('exceljs')).default
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const sheet = workbook.getWorksheet('Werkbak')
    expect(sheet?.getRow(1).getCell(1).value).toBe(
      'Meedenken, werkbak (lijst: Nog beantwoorden; thema: Verkeer), gemaakt 2026-10-02',
    )
    expect(sheet?.getRow(2).getCell(1).value).toBe('Nummer')
    expect(sheet?.rowCount).toBe(2 + 3)
  })

  it(`stops at ${5000} ideas and says so`, async () => {
    const big = createTestApp()
    const t = await makeTheme(big.db)
    const u = await makeUser(big.db)
    await rawRun(
      big.db,
      sql`insert into ideas (title, body, body_html, theme_id, author_id, status, created_at, updated_at)
         with recursive n(i) as (select 1 union all select i + 1 from n where i < 5001)
         select 'Idee nummer ' || i, 'Een tekst die lang genoeg is.', '<p>Een tekst.</p>',
           cast(${t.id} as integer), cast(${u.id} as integer), 'new', i, i from n`,
    )
    const staff = await loginAs(big, 'staff')
    const res = await request(big, '/api/staff/export?tab=all&format=standard', { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-meedenken-capped')).toBe('5000')
    expect((await res.text()).trim().split('\r\n')).toHaveLength(1 + 5000)
  })
})
