import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, users } from '../../db/schema'
import { rebuildStats } from '../../stats/rebuild'
import { makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

/** Administrators manage themes and districts; archived ones stay where they were used. */
const ctx = createTestApp()
const waste = await makeTheme(ctx.db, { name: 'Afval' })
const village = await makeDistrict(ctx.db, 'Kropswolde')
const author = await makeUser(ctx.db)
let admin: { cookie: string; userId: number }

const entries = async (type: string, id: number) =>
  (await ctx.db.select().from(auditLog))
    .filter((e) => e.subjectType === type && e.subjectId === id)
    .map((e) => e.action)

beforeAll(async () => {
  ctx.clock.set('2026-11-16T10:00:00Z')
  admin = await loginAs(ctx, 'admin')
})

describe('managing themes', () => {
  it('adds a theme in Dutch and English, last in the list, and logs it', async () => {
    const res = await request(ctx, '/api/admin/themes', {
      cookie: admin.cookie,
      body: { name: 'Groen en Natuur', nameEn: 'Green spaces and nature', description: 'Parken, bomen en bermen.' },
    })
    expect(res.status).toBe(201)
    const { theme } = await json(res)
    expect(theme).toMatchObject({
      slug: 'groen-en-natuur',
      name: 'Groen en Natuur',
      nameEn: 'Green spaces and nature',
      archived: false,
    })
    const list = (await json(await request(ctx, '/api/themes'))).items
    expect(list.at(-1).id).toBe(theme.id)
    expect(await entries('theme', theme.id)).toEqual(['theme.created'])
  })

  it('refuses a second theme with the same name with 409 naming the field, changing nothing', async () => {
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/admin/themes', {
      cookie: admin.cookie,
      body: { name: 'Afval', nameEn: 'Waste' },
    })
    expect(res.status).toBe(409)
    expect(Object.keys((await json(res)).error.fields)).toEqual(['name'])
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('renames a theme in both languages; its slug stays, and the log has both names', async () => {
    const res = await request(ctx, `/api/admin/themes/${waste.id}`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { name: 'Afval en grondstoffen', nameEn: 'Waste and resources', description: '' },
    })
    expect(res.status).toBe(200)
    expect((await json(res)).theme).toMatchObject({
      slug: waste.slug,
      name: 'Afval en grondstoffen',
      nameEn: 'Waste and resources',
    })
    const log = (await json(await request(ctx, '/api/admin/audit?action=theme.renamed', { cookie: admin.cookie })))
      .items
    expect(log[0].subjectName).toBe('Afval en grondstoffen')
    expect(
      log[0].lines.map((l: { label: { nl: string }; value: { nl: string } }) => `${l.label.nl}: ${l.value.nl}`),
    ).toEqual(['Naam: Afval → Afval en grondstoffen', `Engelse naam: ${waste.nameEn} → Waste and resources`])
  })

  it('refuses an empty name with 422 and an unknown theme with 404', async () => {
    const empty = await request(ctx, `/api/admin/themes/${waste.id}`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { name: ' ', nameEn: 'Waste' },
    })
    expect(empty.status).toBe(422)
    expect(Object.keys((await json(empty)).error.fields)).toEqual(['name'])
    const unknown = await request(ctx, '/api/admin/themes/999999/archived', {
      method: 'PUT',
      cookie: admin.cookie,
      body: { archived: true },
    })
    expect(unknown.status).toBe(404)
  })

  it('lets only administrators change themes', async () => {
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, `/api/admin/themes/${waste.id}/archived`, {
      method: 'PUT',
      cookie: staff.cookie,
      body: { archived: true },
    })
    expect(res.status).toBe(403)
    expect((await request(ctx, '/api/admin/themes', { body: { name: 'Xx', nameEn: 'Xx' } })).status).toBe(401)
  })
})

describe('an archived theme', () => {
  let oldIdea = 0

  beforeAll(async () => {
    for (let i = 0; i < 5; i++) oldIdea = (await makeIdea(ctx.db, { authorId: author.id, themeId: waste.id })).id
    await rebuildStats(ctx.db)
    const res = await request(ctx, `/api/admin/themes/${waste.id}/archived`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { archived: true },
    })
    expect(res.status).toBe(200)
    expect((await json(res)).theme.archived).toBe(true)
  })

  it('is still listed, marked archived, so old ideas keep its name', async () => {
    const list = (await json(await request(ctx, '/api/themes'))).items
    expect(list.find((t: { id: number }) => t.id === waste.id)).toMatchObject({
      archived: true,
      name: 'Afval en grondstoffen',
    })
    const idea = (await json(await request(ctx, `/api/ideas/${oldIdea}`))).idea
    expect(idea.themeId).toBe(waste.id)
  })

  it('stays in the scorecard and in the open data', async () => {
    const card = await json(await request(ctx, '/api/stats/scorecard?from=2026-Q4&to=2026-Q4'))
    expect(
      card.cells.find(
        (c: { themeId: number; targetGroup: string }) => c.themeId === waste.id && c.targetGroup === 'all',
      ),
    ).toMatchObject({
      received: 5,
      themeSlug: waste.slug,
    })
    const ideas = await json(await request(ctx, '/api/open-data/ideas.json'))
    expect(ideas.filter((i: { themeId: number }) => i.themeId === waste.id)).toHaveLength(5)
  })

  it('is logged when archived and when taken back into use', async () => {
    const res = await request(ctx, `/api/admin/themes/${waste.id}/archived`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { archived: false },
    })
    expect((await json(res)).theme.archived).toBe(false)
    // Archiving what is archived already changes nothing and logs nothing.
    const before = await databaseDigest(ctx)
    await request(ctx, `/api/admin/themes/${waste.id}/archived`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { archived: false },
    })
    expect(await databaseDigest(ctx)).toBe(before)
    expect(await entries('theme', waste.id)).toEqual(['theme.renamed', 'theme.archived', 'theme.unarchived'])
  })

  it('is refused for a new idea with 422 naming the field, while an idea that has it keeps it', async () => {
    const archived = await makeTheme(ctx.db, { name: 'Oud thema' })
    const oldVillage = await makeDistrict(ctx.db, 'Oud dorp')
    const onOffer = await makeTheme(ctx.db, { name: 'Thema in gebruik' })
    const member = await loginAs(ctx, 'member')
    const proposal = {
      title: 'Een nieuw idee voor het dorpshuis',
      body: 'Het dorpshuis kan vaker open, ook op zondag.',
    }
    const made = await json(
      await request(ctx, '/api/ideas', {
        cookie: member.cookie,
        body: { ...proposal, themeId: archived.id, districtId: oldVillage.id },
      }),
    )
    for (const [path, body] of [
      [`/api/admin/themes/${archived.id}/archived`, { archived: true }],
      [`/api/admin/districts/${oldVillage.id}/archived`, { archived: true }],
    ] as const) {
      expect((await request(ctx, path, { method: 'PUT', cookie: admin.cookie, body })).status).toBe(200)
    }
    const before = await databaseDigest(ctx)
    const refused = await request(ctx, '/api/ideas', {
      cookie: member.cookie,
      body: { ...proposal, themeId: archived.id },
    })
    expect(refused.status).toBe(422)
    expect(Object.keys((await json(refused)).error.fields)).toEqual(['themeId'])
    const noVillage = await request(ctx, '/api/ideas', {
      cookie: member.cookie,
      body: { ...proposal, themeId: onOffer.id, districtId: oldVillage.id },
    })
    expect(Object.keys((await json(noVillage)).error.fields)).toEqual(['districtId'])
    expect(await databaseDigest(ctx)).toBe(before)
    // The idea that has them may still be saved with them.
    const kept = await request(ctx, `/api/ideas/${made.idea.id}`, {
      method: 'PATCH',
      cookie: member.cookie,
      body: { title: 'Een nieuw idee voor het dorpshuis in het dorp', themeId: archived.id, districtId: oldVillage.id },
    })
    expect(kept.status).toBe(200)

    // A profile cannot choose the archived village; a member who lives there keeps it.
    const choose = (cookie: string) =>
      request(ctx, '/api/me', { method: 'PATCH', cookie, body: { districtId: oldVillage.id } })
    expect((await choose(member.cookie)).status).toBe(422)
    const resident = await loginAs(ctx, 'member')
    await ctx.db.update(users).set({ districtId: oldVillage.id }).where(eq(users.id, resident.userId))
    expect((await choose(resident.cookie)).status).toBe(200)
  })
})

describe('managing districts', () => {
  it('adds, renames, archives and takes back a district, each logged; an archived one stays listed', async () => {
    const added = await request(ctx, '/api/admin/districts', { cookie: admin.cookie, body: { name: 'Waterhuizen' } })
    expect(added.status).toBe(201)
    const { district } = await json(added)
    expect(district).toMatchObject({ slug: 'waterhuizen', name: 'Waterhuizen', archived: false })
    const renamed = await request(ctx, `/api/admin/districts/${district.id}`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { name: 'Waterhuizen (Hoogezand)' },
    })
    expect((await json(renamed)).district).toMatchObject({ slug: 'waterhuizen', name: 'Waterhuizen (Hoogezand)' })
    const duplicate = await request(ctx, `/api/admin/districts/${district.id}`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { name: 'Kropswolde' },
    })
    expect(duplicate.status).toBe(409)
    await request(ctx, `/api/admin/districts/${village.id}/archived`, {
      method: 'PUT',
      cookie: admin.cookie,
      body: { archived: true },
    })
    const list = (await json(await request(ctx, '/api/districts'))).items
    expect(list.find((d: { id: number }) => d.id === village.id)).toMatchObject({ archived: true, name: 'Kropswolde' })
    expect(await entries('district', district.id)).toEqual(['district.created', 'district.renamed'])
    expect(await entries('district', village.id)).toEqual(['district.archived'])
  })
})

describe('an archived theme or village', () => {
  it('is refused at intake, at sign-up, for a new campaign and as a correction, and kept where it is', async () => {
    const own = createTestApp({ devMailbox: true })
    const theme = await makeTheme(own.db, { name: 'Gearchiveerd thema' })
    const open = await makeTheme(own.db, { name: 'Thema in gebruik' })
    const village = await makeDistrict(own.db, 'Gearchiveerd dorp')
    const [staff, chief] = [await loginAs(own, 'staff'), await loginAs(own, 'admin')]
    const author = await makeUser(own.db)
    const onArchived = await makeIdea(own.db, { authorId: author.id, themeId: theme.id, districtId: village.id })
    const onOpen = await makeIdea(own.db, { authorId: author.id, themeId: open.id })
    for (const path of [`/api/admin/themes/${theme.id}/archived`, `/api/admin/districts/${village.id}/archived`]) {
      expect((await request(own, path, { method: 'PUT', cookie: chief.cookie, body: { archived: true } })).status).toBe(
        200,
      )
    }
    const fieldsOf = async (res: Response) => {
      expect(res.status).toBe(422)
      return Object.keys((await json(res)).error.fields)
    }
    const before = await databaseDigest(own)
    const intake = {
      title: 'Een bankje bij de bushalte aan de Dorpsstraat',
      body: 'Mevrouw belde: bij de bushalte kan zij nergens zitten.',
      channel: 'phone',
      submitter: { displayName: 'Mevrouw Smit', targetGroup: 'resident' },
    }
    expect(
      await fieldsOf(
        await request(own, '/api/staff/ideas', { cookie: staff.cookie, body: { ...intake, themeId: theme.id } }),
      ),
    ).toEqual(['themeId'])
    expect(
      await fieldsOf(
        await request(own, '/api/staff/ideas', {
          cookie: staff.cookie,
          body: { ...intake, themeId: open.id, districtId: village.id },
        }),
      ),
    ).toEqual(['districtId'])
    expect(
      await fieldsOf(
        await request(own, '/api/auth/signup', {
          body: {
            email: 'nieuw@example.org',
            password: 'een-lang-en-sterk-wachtwoord',
            displayName: 'Nieuwe Inwoner',
            targetGroup: 'resident',
            districtId: village.id,
          },
        }),
      ),
    ).toEqual(['districtId'])
    const campaign = {
      title: 'Wat vindt u van het nieuwe park?',
      description: 'Het park wordt volgend jaar opgeknapt. Wat vindt u belangrijk?',
      themeId: theme.id,
      targetGroups: ['resident'],
      ideasFrom: new Date(own.clock.now()).toISOString(),
      ideasUntil: new Date(own.clock.now() + 86_400_000).toISOString(),
    }
    expect(
      await fieldsOf(await request(own, '/api/staff/campaigns', { cookie: staff.cookie, body: campaign })),
    ).toEqual(['themeId'])
    expect(
      await fieldsOf(
        await request(own, `/api/staff/ideas/${onOpen.id}/correction`, {
          cookie: staff.cookie,
          body: { themeId: theme.id, reason: 'Dit hoort bij een ander thema.' },
        }),
      ),
    ).toEqual(['themeId'])
    expect(await databaseDigest(own)).toBe(before)
    // The idea that has them keeps them through a correction of something else.
    const kept = await request(own, `/api/staff/ideas/${onArchived.id}/correction`, {
      cookie: staff.cookie,
      body: { title: 'Een gecorrigeerde titel voor dit idee', themeId: theme.id, reason: 'Een tikfout in de titel.' },
    })
    expect(kept.status).toBe(200)
  })
})
