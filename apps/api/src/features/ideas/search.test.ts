import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rawRun } from '../../db/raw-sql'
import { ideas } from '../../db/schema'
import { newIdeaHotScore } from '../../domain/hot-score'
import { makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, json, loginAs, request, type TestContext } from '../../test/test-app'
import { COMMON_MATCHES } from './search.data'

/**
 * Search behaves the same on either engine (SQLite's FTS5 index, PostgreSQL's tsvector):
 * these run in both suites (`pnpm exec vitest run` and `--config vitest.postgres.config.ts`).
 */

type Item = { id: number; title: string }

async function found(ctx: TestContext, query: string): Promise<number[]> {
  const res = await request(ctx, `/api/ideas?${query}`)
  expect(res.status, query).toBe(200)
  return (await json<{ items: Item[] }>(res)).items.map((i) => i.id)
}

async function similar(ctx: TestContext, title: string): Promise<number[]> {
  const res = await request(ctx, `/api/ideas/similar?title=${encodeURIComponent(title)}`)
  expect(res.status, title).toBe(200)
  return (await json<{ items: Item[] }>(res)).items.map((i) => i.id)
}

describe('searching ideas, on either engine', async () => {
  const ctx = createTestApp()
  const theme = await makeTheme(ctx.db)
  const author = await makeUser(ctx.db)
  const idea = async (title: string, body = 'Graag zien wij hier verandering in, daarom dit voorstel.') =>
    (await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id, title, body })).id

  const cafeWithAccent = await idea('Terras bij het café op het plein')
  const cafeWithout = await idea('Een cafe aan de haven')
  const fietspad = await idea('Een fietspad naar de school')
  const fietspaden = await idea('Fietspaden verlichten in de winter')
  const weg = await idea('Gaten in de weg bij de kerk')
  const gemeentehuis = await idea('Parkeren bij het gemeentehuis')
  const gemeentehuisInText = await idea(
    'Langer open op zaterdag',
    'Het gemeentehuis zou op zaterdag langer open moeten zijn.',
  )
  // Body first, then title: ranking must overturn the order they came in.
  const speeltuinInText = await idea('Iets voor de kinderen', 'Een nieuwe speeltuin in het park, met een glijbaan.')
  const speeltuinInTitle = await idea('Nieuwe speeltuin in Kolham')
  const twinOne = await idea('Bankjes langs het kanaal', 'Zitbankjes langs het water.')
  const twinTwo = await idea('Bankjes langs het kanaal', 'Zitbankjes langs het water.')

  it('ignores accents both ways: "cafe" finds "café" and "café" finds "cafe"', async () => {
    expect((await found(ctx, 'q=cafe')).sort()).toEqual([cafeWithAccent, cafeWithout].sort())
    expect((await found(ctx, `q=${encodeURIComponent('café')}`)).sort()).toEqual([cafeWithAccent, cafeWithout].sort())
    expect((await found(ctx, `q=${encodeURIComponent('CAFÉ plein')}`)).sort()).toEqual([cafeWithAccent])
  })

  it('finds words of other scripts, as written', async () => {
    const scripts = await idea('공원 en Москва: Ελλάδα')
    for (const q of ['공원', 'москва', 'МОСКВ', 'Ελλάδα'])
      expect(await found(ctx, `q=${encodeURIComponent(q)}`), q).toEqual([scripts])
  })

  it('finds other forms of a Dutch word: "fietspaden" finds "fietspad", "wegen" finds "weg"', async () => {
    expect((await found(ctx, 'q=fietspaden')).sort()).toEqual([fietspad, fietspaden].sort())
    expect((await found(ctx, 'q=fietspad')).sort()).toEqual([fietspad, fietspaden].sort())
    expect(await found(ctx, 'q=wegen')).toEqual([weg])
  })

  it('finds a word by its beginning, in title or text', async () => {
    expect((await found(ctx, 'q=gemeen')).sort()).toEqual([gemeentehuis, gemeentehuisInText].sort())
  })

  it('suggests ideas whose title begins like a word being typed, and not for words only in the text', async () => {
    expect(await similar(ctx, 'gemeen')).toEqual([gemeentehuis])
    expect(await similar(ctx, 'Ingang van het gemeentehu')).toEqual([gemeentehuis])
    expect(await similar(ctx, 'Meer fietspaden')).toEqual(expect.arrayContaining([fietspad, fietspaden]))
  })

  it('ranks a match in the title before a match in the text, and equal matches by age', async () => {
    expect(await found(ctx, 'q=speeltuin')).toEqual([speeltuinInTitle, speeltuinInText])
    expect(await found(ctx, 'q=bankjes')).toEqual([twinOne, twinTwo])
    expect(await found(ctx, 'q=speeltuin&sort=new')).toEqual([speeltuinInTitle, speeltuinInText])
  })

  it('pages through ranked results without skipping or repeating an idea', async () => {
    const everything = await found(ctx, 'q=de&limit=50')
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const res = await request(ctx, `/api/ideas?q=de&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      const page = await json<{ items: Item[]; nextCursor: string | null }>(res)
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(everything)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBeGreaterThan(4)
  })

  it('counts what a search finds', async () => {
    const res = await request(ctx, '/api/ideas/count?q=fietspaden')
    expect(await json(res)).toEqual({ count: 2, more: false })
  })

  it('searches the Werkbak the same way', async () => {
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, '/api/staff/inbox?tab=all&q=fietspaden', { cookie: staff.cookie })
    expect(res.status).toBe(200)
    const page = await json<{ items: Item[]; counts: Record<string, number> }>(res)
    expect(page.items.map((i) => i.id).sort()).toEqual([fietspad, fietspaden].sort())
    expect(page.counts.all).toBe(2)
  })

  it("answers search syntax of either engine with 200, as plain words: & | ! ( ) : * ' \\ never fail", async () => {
    const staff = await loginAs(ctx, 'staff')
    const hostile = [
      "a & | ! ( ) : * ' \\",
      "'",
      "''",
      '\\',
      "\\'",
      ':*',
      'fiets:*',
      'fiets:*A',
      'cafe:B',
      '!fiets',
      'fiets & !school',
      'fiets <-> pad',
      'fiets <2> pad',
      '(((',
      ')',
      '&&&|||',
      'NEAR(fiets pad)',
      'title : fiets',
      '"fiets"*',
      '^fiets',
      // Letters that PostgreSQL's unaccent rules turn into quotes and colons.
      'ŉ',
      'ʼn ʼ',
      'ː',
      'ʺ',
      "'; select 1; --",
      '💡',
      '𝔣𝔦𝔢𝔱𝔰𝔭𝔞𝔡',
      'een twee drie vier vijf zes zeven acht negen tien',
    ]
    for (const q of hostile) {
      const e = encodeURIComponent(q)
      for (const path of [`/api/ideas?q=${e}`, `/api/ideas?q=${e}&sort=new`, `/api/ideas/count?q=${e}`]) {
        expect((await request(ctx, path)).status, path).toBe(200)
      }
      expect((await request(ctx, `/api/ideas/similar?title=${e}`)).status, q).toBe(200)
      expect((await request(ctx, `/api/staff/inbox?tab=all&q=${e}`, { cookie: staff.cookie })).status, q).toBe(200)
    }
    // The words inside the syntax are still searched for.
    expect((await found(ctx, `q=${encodeURIComponent('fietspad:*')}`)).sort()).toEqual([fietspad, fietspaden].sort())
    expect((await found(ctx, `q=${encodeURIComponent("'cafe' & !")}`)).sort()).toEqual(
      [cafeWithAccent, cafeWithout].sort(),
    )
    expect((await found(ctx, `q=${encodeURIComponent('𝔣𝔦𝔢𝔱𝔰𝔭𝔞𝔡')}`)).sort()).toEqual([fietspad, fietspaden].sort())
  })
})

describe('a common search word', () => {
  it(`lists by "Populair nu" rather than ranking, past ${COMMON_MATCHES} matches`, async () => {
    const ctx = createTestApp()
    const theme = await makeTheme(ctx.db)
    const author = await makeUser(ctx.db)
    const titled = await makeIdea(ctx.db, {
      authorId: author.id,
      themeId: theme.id,
      title: 'Vuilnisbakken in het centrum',
      body: 'Er staan te weinig bakken.',
    })
    // Newer, so higher in "Populair nu", but only in the text; inserted 500 at a time.
    const start = titled.createdAt + 60_000
    const rows = Array.from({ length: COMMON_MATCHES + 100 }, (_, i) => ({
      title: `Voorstel ${i}`,
      body: 'Meer vuilnisbakken graag.',
      bodyHtml: '<p>Meer vuilnisbakken graag.</p>',
      themeId: theme.id,
      authorId: author.id,
      hotScore: newIdeaHotScore(start + i),
      createdAt: start + i,
      updatedAt: start + i,
    }))
    for (let i = 0; i < rows.length; i += 500) await ctx.db.insert(ideas).values(rows.slice(i, i + 500))
    // PostgreSQL estimates from its statistics, which autovacuum keeps; here they are made now.
    await rawRun(ctx.db, sql`analyze ideas`)
    const ranked = await found(ctx, 'q=vuilnisbakken&limit=5')
    const trending = await found(ctx, 'q=vuilnisbakken&sort=trending&limit=5')
    expect(ranked).toEqual(trending)
    expect(ranked).not.toContain(titled.id)
    // A rare word is still ranked: the title match first.
    expect(await found(ctx, 'q=centrum')).toEqual([titled.id])
  }, 120_000)
})
