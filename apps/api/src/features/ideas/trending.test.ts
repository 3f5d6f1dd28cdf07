import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, json, loginAs, request, type TestContext } from '../../test/test-app'

const DAY = 86_400_000

/** Members who vote through the API, each at the moment the clock says. */
async function voters(ctx: TestContext, n: number) {
  return Promise.all(Array.from({ length: n }, () => loginAs(ctx, 'member')))
}

async function vote(ctx: TestContext, ideaId: number, cookie: string, method: 'PUT' | 'DELETE' = 'PUT') {
  const res = await request(ctx, `/api/ideas/${ideaId}/vote`, { method, cookie })
  expect(res.status).toBe(200)
}

async function trendingTitles(ctx: TestContext, query = ''): Promise<string[]> {
  const { items } = await json(await request(ctx, `/api/ideas?sort=trending&limit=50${query}`))
  return items.map((i: { title: string }) => i.title)
}

describe('"Populair nu" (sort=trending)', () => {
  it('puts recent support first, open ideas before decided ones, and needs no recount as time passes', async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const start = ctx.clock.now()
    const idea = async (title: string, daysAgo: number, status: 'new' | 'planned' | 'declined' | 'done' = 'new') =>
      (
        await makeIdea(ctx.db, {
          authorId: author.id,
          themeId: theme.id,
          title,
          status,
          createdAt: start - daysAgo * DAY,
        })
      ).id
    const oldFavourite = await idea('Veel steun, lang geleden', 90, 'planned')
    const risingNow = await idea('Een beetje steun, vandaag', 30)
    const declinedToday = await idea('Afgewezen, zonder stemmen', 0, 'declined')
    const quiet = await idea('Stil idee van een maand terug', 29)
    const people = await voters(ctx, 12)

    // Ten votes two months ago…
    ctx.clock.set(new Date(start - 60 * DAY).toISOString())
    for (const p of people.slice(0, 10)) await vote(ctx, oldFavourite, p.cookie)
    // …three today.
    ctx.clock.set(new Date(start).toISOString())
    for (const p of people.slice(0, 3)) await vote(ctx, risingNow, p.cookie)

    const order = await trendingTitles(ctx)
    expect(order.indexOf('Een beetje steun, vandaag')).toBeLessThan(order.indexOf('Veel steun, lang geleden'))
    // A decided idea with nothing going on never comes first: every open one goes before it.
    expect(order.at(-1)).toBe('Afgewezen, zonder stemmen')
    expect(order.indexOf('Stil idee van een maand terug')).toBeLessThan(order.indexOf('Afgewezen, zonder stemmen'))

    // Reading a week later changes nothing stored: the order of what is there holds.
    ctx.clock.advance(7 * DAY)
    expect(await trendingTitles(ctx)).toEqual(order)

    // The three votes lifted it above a quiet idea one day younger; taken back, it falls below again.
    expect(order.indexOf('Een beetje steun, vandaag')).toBeLessThan(order.indexOf('Stil idee van een maand terug'))
    for (const p of people.slice(0, 3)) await vote(ctx, risingNow, p.cookie, 'DELETE')
    const after = await trendingTitles(ctx)
    expect(after.indexOf('Stil idee van een maand terug')).toBeLessThan(after.indexOf('Een beetje steun, vandaag'))

    // Reopening a declined idea brings it back among the open ones.
    const staff = await loginAs(ctx, 'staff')
    const reopened = await request(ctx, `/api/ideas/${declinedToday}/status`, {
      cookie: staff.cookie,
      body: { status: 'under_review', explanation: 'We kijken er toch opnieuw naar, met de wijk.' },
    })
    expect(reopened.status).toBe(201)
    expect((await trendingTitles(ctx)).at(-1)).not.toBe('Afgewezen, zonder stemmen')
    expect(quiet).toBeGreaterThan(0)
  })
})

describe('GET /api/ideas/count', () => {
  it('counts what the same filters and search find, and says "more" past 1,000', async () => {
    const ctx = createTestApp()
    const [afval, groen] = [await makeTheme(ctx.db), await makeTheme(ctx.db)]
    const author = await makeUser(ctx.db)
    for (let i = 0; i < 12; i++) {
      await makeIdea(ctx.db, {
        authorId: author.id,
        themeId: i % 3 === 0 ? groen.id : afval.id,
        title: i % 4 === 0 ? `Meer bankjes in het park, nummer ${i}` : `Idee nummer ${i} voor de gemeente`,
        status: i % 2 === 0 ? 'new' : 'done',
      })
    }
    await makeIdea(ctx.db, { authorId: author.id, themeId: afval.id, hidden: true })
    const countOf = async (query: string) => json(await request(ctx, `/api/ideas/count${query}`))
    expect(await countOf('')).toEqual({ count: 12, more: false })
    expect(await countOf(`?theme=${groen.id}`)).toEqual({ count: 4, more: false })
    expect(await countOf('?status=done')).toEqual({ count: 6, more: false })
    expect(await countOf('?q=bankjes')).toEqual({ count: 3, more: false })
    expect((await request(ctx, '/api/ideas/count?theme=0x10')).status).toBe(422)

    for (let i = 0; i < 1000; i++) await makeIdea(ctx.db, { authorId: author.id, themeId: afval.id })
    expect(await countOf('')).toEqual({ count: 1000, more: true })
  })
})
