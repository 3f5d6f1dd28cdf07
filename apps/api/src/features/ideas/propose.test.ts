import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { departments, ideas } from '../../db/schema'
import { oneRow } from '../../db/statements'
import { makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

const ctx = createTestApp()
const dept = oneRow(
  await ctx.db
    .insert(departments)
    .values({ slug: 'afval', name: 'Afval', nameEn: 'Waste' })
    .returning({ id: departments.id }),
)
const theme = await makeTheme(ctx.db, { name: 'Afval', departmentId: dept.id })
const district = await makeDistrict(ctx.db, 'Kolham')

const good = {
  title: 'Meer afvalbakken in het park van Kolham',
  body: 'In het park liggen vaak blikjes en papier. **Twee extra bakken** bij de bankjes zouden helpen.',
  themeId: theme.id,
  districtId: district.id,
  targetGroups: ['resident', 'organisation'],
}

describe('proposing an idea', () => {
  it('creates the idea, routes it to the theme’s department, and makes the author a follower', async () => {
    const member = await loginAs(ctx, 'member')
    const res = await request(ctx, '/api/ideas', { cookie: member.cookie, body: good })
    expect(res.status).toBe(201)
    const { idea } = await json(res)
    expect(idea).toMatchObject({
      title: good.title,
      status: 'new',
      channel: 'web',
      themeId: theme.id,
      districtId: district.id,
      targetGroups: ['resident', 'organisation'],
      voteCount: 0,
      followerCount: 1,
      isFollowing: true,
      author: { id: member.userId },
    })
    expect(idea.bodyHtml).toContain('<strong>Twee extra bakken</strong>')
    const [row] = await ctx.db.select({ departmentId: ideas.departmentId }).from(ideas).where(eq(ideas.id, idea.id))
    expect(row?.departmentId).toBe(dept.id)
  })

  it.each([
    ['title', { title: 'Te kort' }, 'Gebruik minstens 10 tekens.'],
    ['title', { title: 'x'.repeat(121) }, 'Gebruik hoogstens 120 tekens.'],
    ['body', { body: 'Kort verhaal' }, 'Gebruik minstens 20 tekens.'],
    ['body', { body: 'x'.repeat(5001) }, 'Gebruik hoogstens 5000 tekens.'],
    ['themeId', { themeId: 99_999 }, 'Kies een thema uit de lijst.'],
    ['districtId', { districtId: 99_999 }, 'Kies een dorp of wijk uit de lijst.'],
    ['targetGroups', { targetGroups: ['resident', 'resident'] }, 'Deze waarde klopt niet.'],
    ['targetGroups.0', { targetGroups: ['tourist'] }, 'Kies een van de mogelijkheden.'],
  ])('refuses a bad %s with 422 naming the field, and stores nothing', async (field, change, message) => {
    const member = await loginAs(ctx, 'member')
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/ideas', { cookie: member.cookie, body: { ...good, ...change } })
    expect(res.status).toBe(422)
    expect((await json(res)).error.fields[field]).toBe(message)
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('refuses a visitor with 401 whatever the body', async () => {
    expect((await request(ctx, '/api/ideas', { body: good })).status).toBe(401)
    expect(
      (await request(ctx, '/api/ideas', { rawBody: '{nope', headers: { 'content-type': 'application/json' } })).status,
    ).toBe(401)
  })

  it('allows 5 ideas an hour per member, then 429', async () => {
    const member = await loginAs(ctx, 'member')
    for (let i = 0; i < 5; i++) {
      const res = await request(ctx, '/api/ideas', {
        cookie: member.cookie,
        body: { ...good, title: `${good.title} ${i}` },
      })
      expect(res.status).toBe(201)
    }
    const sixth = await request(ctx, '/api/ideas', { cookie: member.cookie, body: good })
    expect(sixth.status).toBe(429)
    expect(sixth.headers.get('retry-after')).toBeTruthy()
    ctx.clock.advance(3_600_000)
    expect((await request(ctx, '/api/ideas', { cookie: member.cookie, body: good })).status).toBe(201)
  })

  it('renders hostile markdown inert: no script, no event handler, no javascript: link', async () => {
    const member = await loginAs(ctx, 'member')
    const body = [
      '<script>alert(1)</script> <img src=x onerror=alert(1)>',
      '[klik](javascript:alert(1)) [ook](JAVASCRIPT:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)',
      '<a href="https://evil.example" onclick="steal()">x</a> <iframe src="https://evil.example"></iframe>',
      '[goed](https://www.midden-groningen.nl) *schuin* en **vet**',
    ].join('\n\n')
    const res = await request(ctx, '/api/ideas', { cookie: member.cookie, body: { ...good, body } })
    expect(res.status).toBe(201)
    const html: string = (await json(res)).idea.bodyHtml
    // Escaped text may mention anything; real tags and attributes may not.
    expect(html).not.toMatch(/<(script|img|iframe)/i)
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i)
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i)
    expect(html).toContain('<a href="https://www.midden-groningen.nl" rel="nofollow noopener noreferrer">goed</a>')
    expect(html).toContain('&lt;script&gt;')
  })

  it('previews a text exactly as it will be shown', async () => {
    const member = await loginAs(ctx, 'member')
    const res = await request(ctx, '/api/ideas/preview', { cookie: member.cookie, body: { body: '- een\n- *twee*' } })
    expect(await json(res)).toEqual({ html: '<ul>\n<li>een</li>\n<li><em>twee</em></li>\n</ul>' })
  })
})

describe('editing an idea', () => {
  it('lets the author change it while it is new, and no one else', async () => {
    const author = await loginAs(ctx, 'member')
    const other = await loginAs(ctx, 'member')
    const { idea } = await json(await request(ctx, '/api/ideas', { cookie: author.cookie, body: good }))
    const change = { title: 'Meer afvalbakken in het park en bij de school' }
    const byOther = await request(ctx, `/api/ideas/${idea.id}`, { method: 'PATCH', cookie: other.cookie, body: change })
    expect(byOther.status).toBe(403)
    const byAuthor = await request(ctx, `/api/ideas/${idea.id}`, {
      method: 'PATCH',
      cookie: author.cookie,
      body: change,
    })
    expect(byAuthor.status).toBe(200)
    expect((await json(byAuthor)).idea.title).toBe(change.title)
  })

  it('refuses a change once the municipality is working on it (409)', async () => {
    const author = await loginAs(ctx, 'member')
    const idea = await makeIdea(ctx.db, { authorId: author.userId, themeId: theme.id, status: 'under_review' })
    const res = await request(ctx, `/api/ideas/${idea.id}`, {
      method: 'PATCH',
      cookie: author.cookie,
      body: { title: 'Een nieuwe titel voor dit idee' },
    })
    expect(res.status).toBe(409)
  })
})

describe('finding ideas', async () => {
  const search = createTestApp()
  const t = await makeTheme(search.db)
  const author = await makeUser(search.db)
  const ids = {
    fiets: (
      await makeIdea(search.db, {
        authorId: author.id,
        themeId: t.id,
        title: 'Fietsenrekken bij het station',
        body: 'Meer plek voor fietsen bij station Kropswolde.',
      })
    ).id,
    ideeen: (
      await makeIdea(search.db, {
        authorId: author.id,
        themeId: t.id,
        title: 'Ideeën voor de speeltuin',
        body: 'Nieuwe glijbaan en schommels voor kinderen.',
      })
    ).id,
    afval: (
      await makeIdea(search.db, {
        authorId: author.id,
        themeId: t.id,
        title: 'Afval in de berm',
        body: 'Langs de weg ligt veel zwerfafval. Fietsers gooien blikjes weg.',
      })
    ).id,
  }

  async function find(query: string) {
    const res = await request(search, `/api/ideas?${query}`)
    expect(res.status).toBe(200)
    return (await json(res)).items.map((i: { id: number }) => i.id)
  }

  it('finds words by their beginning, without minding accents or capitals', async () => {
    expect(await find('q=fiets')).toEqual([ids.fiets, ids.afval])
    expect(await find('q=IDEEEN')).toEqual([ids.ideeen])
    expect(await find('q=ideeën speeltuin')).toEqual([ids.ideeen])
    expect(await find('q=fiets station')).toEqual([ids.fiets])
  })

  it('treats search syntax as plain words and never fails on it', async () => {
    for (const q of [
      '"',
      'AND OR NOT',
      'fiets*',
      '(station',
      'title:fiets',
      '💡',
      "'; drop table ideas; --",
      'NEAR(a b)',
    ]) {
      const res = await request(search, `/api/ideas?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
    }
    expect(await find('q=%22station')).toEqual([ids.fiets])
  })

  it('combines search with another sort', async () => {
    expect(await find('q=fiets&sort=new')).toEqual([ids.afval, ids.fiets])
  })

  it('suggests similar ideas while a title is typed', async () => {
    const res = await request(
      search,
      `/api/ideas/similar?title=${encodeURIComponent('Meer fietsenrekken bij de bibliotheek')}`,
    )
    const { items } = await json(res)
    expect(items[0]).toMatchObject({ id: ids.fiets, title: 'Fietsenrekken bij het station', status: 'new' })
    expect(items.length).toBeLessThanOrEqual(5)
    expect((await json(await request(search, '/api/ideas/similar?title=de%20het%20een'))).items).toEqual([])
  })
})
