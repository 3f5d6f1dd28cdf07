import { beforeAll, describe, expect, it } from 'vitest'
import { statusChanges } from '../../db/schema'
import { makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, json, loginAs, request } from '../../test/test-app'

const ctx = createTestApp()
const theme = await makeTheme(ctx.db, { name: 'Afval' })
const otherTheme = await makeTheme(ctx.db, { name: 'Groen' })
const district = await makeDistrict(ctx.db, 'Siddeburen')
const author = await makeUser(ctx.db, { displayName: 'Sanne Post', targetGroup: 'resident' })
const ids: Record<string, number> = {}

beforeAll(async () => {
  const base = Date.parse('2026-09-01T10:00:00Z')
  ids.popular = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, voteCount: 40, createdAt: base })).id
  ids.fresh = (
    await makeIdea(ctx.db, {
      authorId: author.id,
      themeId: theme.id,
      voteCount: 2,
      createdAt: base + 20 * 86_400_000,
    })
  ).id
  ids.discussed = (
    await makeIdea(ctx.db, {
      authorId: author.id,
      themeId: otherTheme.id,
      districtId: district.id,
      commentCount: 30,
      status: 'planned',
      targetGroups: ['entrepreneur'],
      createdAt: base + 86_400_000,
    })
  ).id
  ids.hidden = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, hidden: true, voteCount: 99 })).id
  ids.merged = (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, status: 'merged' })).id
  for (let i = 0; i < 25; i++)
    await makeIdea(ctx.db, { authorId: author.id, themeId: otherTheme.id, createdAt: base - i * 3_600_000 })
  await ctx.db.insert(statusChanges).values({
    ideaId: ids.discussed,
    fromStatus: 'new',
    toStatus: 'planned',
    explanation: 'We gaan dit doen in het voorjaar.',
    createdAt: base + 2 * 86_400_000,
  })
})

async function list(query: string) {
  const res = await request(ctx, `/api/ideas${query}`)
  expect(res.status).toBe(200)
  return json<{ items: Array<Record<string, any>>; nextCursor: string | null }>(res)
}

describe('GET /api/ideas', () => {
  it('sorts by each stored order', async () => {
    expect((await list('?sort=top&limit=1')).items[0]?.id).toBe(ids.popular)
    expect((await list('?sort=new&limit=1')).items[0]?.id).toBe(ids.fresh)
    expect((await list('?sort=discussed&limit=1')).items[0]?.id).toBe(ids.discussed)
  })

  it('pages through every visible idea exactly once with the cursor', async () => {
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page = await list(`?sort=trending&limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...page.items.map((i) => i.id as number))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(28)
    expect(new Set(seen).size).toBe(28)
    expect(seen).not.toContain(ids.hidden)
    expect(seen).not.toContain(ids.merged)
  })

  it('filters by status, theme, district and target group together', async () => {
    const page = await list(`?status=planned&theme=${otherTheme.id}&district=${district.id}&targetGroup=entrepreneur`)
    expect(page.items.map((i) => i.id)).toEqual([ids.discussed])
    expect((await list('?targetGroup=organisation')).items).toEqual([])
  })

  it('pages through a filtered list in its sort order, each idea once', async () => {
    for (const [sort, key] of [
      ['new', 'createdAt'],
      ['discussed', 'commentCount'],
      ['top', 'voteCount'],
    ] as const) {
      const seen: Array<Record<string, any>> = []
      let cursor: string | null = null
      do {
        const page = await list(`?theme=${otherTheme.id}&sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
        seen.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toHaveLength(26)
      expect(new Set(seen.map((i) => i.id)).size).toBe(26)
      const order = seen.map((i) => [i[key], i.id])
      const sorted = [...order].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : b[1] - a[1]))
      expect(order, sort).toEqual(sorted)
    }
  })

  it('shows merged ideas only when asked for', async () => {
    expect((await list('?status=merged')).items.map((i) => i.id)).toEqual([ids.merged])
  })

  it('gives each card what the list shows', async () => {
    const card = (await list('?sort=top&limit=1')).items[0]
    expect(card).toMatchObject({
      id: ids.popular,
      status: 'new',
      themeId: theme.id,
      districtId: null,
      voteCount: 40,
      commentCount: 0,
      hasVoted: false,
      targetGroups: ['resident'],
      author: { id: author.id, displayName: 'Sanne Post', targetGroup: 'resident' },
    })
    expect(card?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('refuses a cursor it did not issue with 422', async () => {
    const res = await request(ctx, '/api/ideas?cursor=bm90LWEtY3Vyc29y')
    expect(res.status).toBe(422)
    expect(Object.keys((await json(res)).error.fields)).toEqual(['cursor'])
  })
})

describe('GET /api/ideas/:id', () => {
  it('returns the idea with its rendered body and public timeline', async () => {
    const res = await request(ctx, `/api/ideas/${ids.discussed}`)
    expect(res.status).toBe(200)
    const { idea } = await json(res)
    expect(idea.bodyHtml).toMatch(/^<p>/)
    expect(idea.timeline).toEqual([
      expect.objectContaining({
        fromStatus: 'new',
        toStatus: 'planned',
        explanation: 'We gaan dit doen in het voorjaar.',
      }),
    ])
  })

  it('answers 404 for a hidden idea and for one that does not exist', async () => {
    expect((await request(ctx, `/api/ideas/${ids.hidden}`)).status).toBe(404)
    expect((await request(ctx, '/api/ideas/999999')).status).toBe(404)
  })
})

describe('list items', () => {
  it('carry a plain excerpt of the text; the idea itself carries the whole text', async () => {
    const own = createTestApp()
    const longBody = `**Belangrijk:** de [stoep](https://example.org/stoep) bij de school is te smal. ${'Kinderen lopen op de weg. '.repeat(40)}`
    const id = (
      await makeIdea(own.db, {
        authorId: (await makeUser(own.db)).id,
        themeId: (await makeTheme(own.db)).id,
        body: longBody,
      })
    ).id
    const listed = (await json<{ items: Array<Record<string, unknown>> }>(await request(own, '/api/ideas'))).items[0]
    expect(listed).not.toHaveProperty('body')
    const shown = String(listed?.excerpt)
    expect(shown.startsWith('Belangrijk: de stoep bij de school is te smal. Kinderen lopen')).toBe(true)
    expect(shown.endsWith('…')).toBe(true)
    expect(shown.length).toBeLessThanOrEqual(181)
    const { idea } = await json<{ idea: { body: string } }>(await request(own, `/api/ideas/${id}`))
    expect(idea.body).toBe(longBody)
  })
})

describe('GET /api/ideas/:id with its comments', () => {
  it('brings the first page of comments along, as the comment list gives it', async () => {
    const own = createTestApp()
    const id = (
      await makeIdea(own.db, { authorId: (await makeUser(own.db)).id, themeId: (await makeTheme(own.db)).id })
    ).id
    const member = await loginAs(own, 'member')
    for (const body of ['Eerste reactie.', 'Tweede reactie.']) {
      await request(own, `/api/ideas/${id}/comments`, { cookie: member.cookie, body: { body } })
    }
    const shown = await json<{ comments: unknown }>(await request(own, `/api/ideas/${id}`))
    const list = await json(await request(own, `/api/ideas/${id}/comments`))
    expect(shown.comments).toEqual(list)
    expect(list.items.map((c: { body: string }) => c.body)).toEqual(['Eerste reactie.', 'Tweede reactie.'])
  })
})

describe('ids in paths', () => {
  // Each of these would read as a number to a lenient parser: 16, 1, 10, 1, 1, 1.
  const notPlain = ['0x10', '01', '1e1', '%201', '1%20', '+1', '1.0', '0b1', '0o1', '-1', '0', '9007199254740992', '１']

  it('names an idea only by its plain decimal id: anything else is 404 in the one error shape', async () => {
    expect((await request(ctx, `/api/ideas/${ids.popular}`)).status).toBe(200)
    for (const id of notPlain) {
      const res = await request(ctx, `/api/ideas/${id}`)
      expect(res.status, id).toBe(404)
      expect((await json(res)).error.code, id).toBe('not_found')
    }
  })

  it('refuses an id in the query that is not plain decimal with 422 naming the field, on every list that takes one', async () => {
    const member = await loginAs(ctx, 'member')
    const lists: [string, string[]][] = [
      ['/api/ideas', ['theme', 'district', 'campaign']],
      ['/api/stats/scorecard', ['theme']],
      ['/api/roadmap', ['theme', 'district']],
      ['/api/you-said-we-did', ['theme']],
      ['/api/admin/audit', ['actor', 'cursor']],
      ['/api/me/notifications', ['cursor']],
      ['/api/admin/users', ['cursor']],
    ]
    const admin = await loginAs(ctx, 'admin')
    for (const [list, fields] of lists) {
      const cookie = list.startsWith('/api/me') ? member.cookie : admin.cookie
      for (const field of fields) {
        for (const value of ['0x10', '01', '1e1', '%201', '-1', '1.5']) {
          const res = await request(ctx, `${list}?${field}=${value}`, { cookie })
          expect(res.status, `${list}?${field}=${value}`).toBe(422)
          expect(Object.keys((await json(res)).error.fields ?? {}), `${list}?${field}=${value}`).toEqual([field])
        }
      }
    }
  })

  it('answers 404, never 422 or 500, on every route with an id when the id is not plain decimal', async () => {
    const own = createTestApp()
    const theme = await makeTheme(own.db)
    // Ids 1, 10 and 16 exist for every kind of thing a route could look up.
    for (let i = 0; i < 16; i++) await makeIdea(own.db, { authorId: (await makeUser(own.db)).id, themeId: theme.id })
    const admin = await loginAs(own, 'admin')
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await request(own, '/api/openapi.json'))
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      path.includes('{id}') ? Object.keys(methods).map((method) => [method.toUpperCase(), path] as const) : [],
    )
    expect(routes.length).toBeGreaterThan(30)
    for (const [method, path] of routes) {
      for (const id of ['0x10', '01', '1e1', '%2010']) {
        const url = path.replace('{id}', id).replace('{type}', 'comment')
        const res = await request(own, url, { method, cookie: admin.cookie, ...(method === 'GET' ? {} : { body: {} }) })
        expect(res.status, `${method} ${url}`).toBe(404)
        expect((await json(res)).error.code, `${method} ${url}`).toBe('not_found')
      }
    }
  })
})
