import { MAP_POINTS_CAP } from '@meedenken/shared'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { ideas } from '../../db/schema'
import { toMask } from '../../domain/target-mask'
import { makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, json, loginAs, request } from '../../test/test-app'
import { renderMarkdown } from '../../text/markdown'

const ctx = createTestApp()
const waste = await makeTheme(ctx.db, { name: 'Afval' })
const green = await makeTheme(ctx.db, { name: 'Groen' })
const village = await makeDistrict(ctx.db, 'Siddeburen')
const author = await makeUser(ctx.db, { displayName: 'Sanne Post', targetGroup: 'resident' })
const ids: Record<string, number> = {}
let campaignId = 0

type Point = { id: number; title: string; status: string; latitude: number; longitude: number }
type MapAnswer = { points: Point[]; total: number; more: boolean; truncated: boolean; withoutPlace: number | null }

async function place(id: number, latitude: number, longitude: number) {
  await ctx.db.update(ideas).set({ latitude, longitude }).where(eq(ideas.id, id))
}

async function map(query = '', cookie?: string): Promise<MapAnswer> {
  const res = await request(ctx, `/api/map/ideas${query}`, cookie ? { cookie } : {})
  expect(res.status, query).toBe(200)
  return await json<MapAnswer>(res)
}

/** Every idea the list shows for a query, all pages. */
async function listed(query: string): Promise<number[]> {
  const seen: number[] = []
  let cursor: string | null = null
  do {
    const sep = query ? '&' : '?'
    const res = await request(ctx, `/api/ideas${query}${sep}limit=50${cursor ? `&cursor=${cursor}` : ''}`)
    const page = await json<{ items: { id: number }[]; nextCursor: string | null }>(res)
    seen.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
  } while (cursor)
  return seen
}

beforeAll(async () => {
  const staff = await loginAs(ctx, 'staff')
  ctx.clock.set('2026-11-01T09:00:00+01:00')
  const campaign = await request(ctx, '/api/staff/campaigns', {
    cookie: staff.cookie,
    body: {
      title: 'Hoe maken we het centrum van Hoogezand groener?',
      description: 'We willen het centrum groener maken. Welke plekken kunnen beter?',
      themeId: green.id,
      targetGroups: ['resident'],
      ideasFrom: '2026-11-02T00:00:00+01:00',
      ideasUntil: '2026-11-16T00:00:00+01:00',
    },
  })
  expect(campaign.status).toBe(201)
  campaignId = (await json(campaign)).campaign.id
  const make = async (name: string, values: Partial<Parameters<typeof makeIdea>[1]> = {}) => {
    ids[name] = (await makeIdea(ctx.db, { authorId: author.id, themeId: waste.id, ...values })).id
  }
  await make('bench', { title: 'Nieuwe bank bij de speeltuin in Siddeburen', districtId: village.id })
  await make('crossing', { title: 'Gevaarlijke oversteek bij de school', themeId: green.id, status: 'planned' })
  await make('done', { title: 'Prullenbak bij het bushokje', status: 'done', targetGroups: ['entrepreneur'] })
  await make('hidden', { title: 'Verborgen idee met een plek', hidden: true })
  await make('merged', { title: 'Samengevoegd idee met een plek', status: 'merged' })
  await make('nowhere', { title: 'Idee zonder plek over de hele gemeente' })
  await make('campaign', { title: 'Meer bomen in het centrum', themeId: green.id })
  await place(ids.bench as number, 53.2461234, 6.8412345)
  await place(ids.crossing as number, 53.1601, 6.7401)
  await place(ids.done as number, 53.2102, 6.9003)
  await place(ids.hidden as number, 53.2, 6.8)
  await place(ids.merged as number, 53.21, 6.81)
  await place(ids.campaign as number, 53.17, 6.75)
  await ctx.db
    .update(ideas)
    .set({ campaignId })
    .where(eq(ideas.id, ids.campaign as number))
})

describe('GET /api/map/ideas', () => {
  it('answers the visible ideas that have a place, newest first, with the point as chosen', async () => {
    const answer = await map()
    expect(answer.points.map((p) => p.id)).toEqual([ids.campaign, ids.done, ids.crossing, ids.bench])
    expect(answer.points.at(-1)).toEqual({
      id: ids.bench,
      title: 'Nieuwe bank bij de speeltuin in Siddeburen',
      status: 'new',
      latitude: 53.2461234,
      longitude: 6.8412345,
    })
    expect(answer).toMatchObject({ total: 4, more: false, truncated: false, withoutPlace: 1 })
  })

  it('leaves out hidden ideas, merged ideas (unless asked for) and ideas without a place', async () => {
    const shown = (await map()).points.map((p) => p.id)
    expect(shown).not.toContain(ids.hidden)
    expect(shown).not.toContain(ids.merged)
    expect(shown).not.toContain(ids.nowhere)
    // As on the list: merged ideas show only when someone asks for them.
    expect((await map('?status=merged')).points.map((p) => p.id)).toEqual([ids.merged])
  })

  it('applies each filter and the search exactly as the list does', async () => {
    const placed = new Set((await map()).points.map((p) => p.id))
    placed.add(ids.merged as number)
    const queries = [
      '?status=done',
      '?status=planned',
      `?theme=${green.id}`,
      `?district=${village.id}`,
      '?targetGroup=entrepreneur',
      '?targetGroup=resident',
      `?campaign=${campaignId}`,
      '?q=oversteek',
      '?q=bank speeltuin',
      '?q=niets-gevonden',
      `?theme=${waste.id}&status=new`,
    ]
    for (const query of queries) {
      const expected = (await listed(query)).filter((id) => placed.has(id)).sort((a, b) => b - a)
      const answer = await map(query)
      expect(
        answer.points.map((p) => p.id),
        query,
      ).toEqual(expected)
      expect(answer.total, query).toBe(expected.length)
      const all = (await listed(query)).length
      expect(answer.withoutPlace, query).toBe(all - expected.length)
    }
    expect((await map('?status=done')).points.map((p) => p.id)).toEqual([ids.done])
    // A search with no word left to look for finds nothing, as the list.
    expect(await map('?q=%20!!%20')).toMatchObject({ points: [], total: 0, truncated: false })
  })

  it('refuses bad filters with 422 in the one error shape, naming the field', async () => {
    const cases: [string, string][] = [
      ['?status=finished', 'status'],
      ['?theme=abc', 'theme'],
      ['?district=0x10', 'district'],
      ['?targetGroup=tourist', 'targetGroup'],
      ['?campaign=-1', 'campaign'],
      [`?q=${'a'.repeat(500)}`, 'q'],
    ]
    for (const [query, field] of cases) {
      const res = await request(ctx, `/api/map/ideas${query}`)
      expect(res.status, query).toBe(422)
      const body = await json(res)
      expect(body.error.code, query).toBe('validation_failed')
      expect(Object.keys(body.error.fields ?? {}), query).toEqual([field])
    }
  })

  it("is cached for visitors like the list: the list version's ETag, a 304, a new tag once a place changes", async () => {
    const first = await request(ctx, '/api/map/ideas?status=done')
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\/"l\d+"$/)
    const again = await request(ctx, '/api/map/ideas?status=done', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    await place(ids.done as number, 53.2202, 6.9103)
    const moved = await request(ctx, '/api/map/ideas?status=done', { headers: { 'if-none-match': etag } })
    expect(moved.status).toBe(200)
    expect((await json<MapAnswer>(moved)).points[0]).toMatchObject({ latitude: 53.2202, longitude: 6.9103 })
    // A signed-in person's answer is theirs alone.
    const member = await loginAs(ctx, 'member')
    const personal = await request(ctx, '/api/map/ideas', { cookie: member.cookie })
    expect(personal.status).toBe(200)
    expect(personal.headers.get('cache-control')).toBe('private, no-store')
  })

  it(`shows at most ${MAP_POINTS_CAP} points, the newest, and says that more have a place`, async () => {
    const base = Date.parse('2026-10-01T10:00:00Z')
    const extra = MAP_POINTS_CAP + 5
    const rows = Array.from({ length: extra }, (_, i) => ({
      title: `Lantaarnpaal kapot in straat nummer ${i}`,
      body: 'De lantaarnpaal doet het al weken niet meer.',
      bodyHtml: renderMarkdown('De lantaarnpaal doet het al weken niet meer.'),
      themeId: waste.id,
      targetMask: toMask(['resident']),
      authorId: author.id,
      status: 'new' as const,
      hidden: 0,
      hotScore: 0,
      createdAt: base + i,
      updatedAt: base + i,
      latitude: 53.1 + i / 100_000,
      longitude: 6.8,
    }))
    for (let i = 0; i < rows.length; i += 200) await ctx.db.insert(ideas).values(rows.slice(i, i + 200))
    const answer = await map()
    expect(answer.points).toHaveLength(MAP_POINTS_CAP)
    expect(answer).toMatchObject({ total: extra + 4, more: false, truncated: true })
    // Newest first: the last one added leads, the four of before are past the cap.
    expect(answer.points[0]?.title).toBe(`Lantaarnpaal kapot in straat nummer ${extra - 1}`)
    expect(answer.points.map((p) => p.id)).not.toContain(ids.bench)
    // The list counts up to 1,000: how many have no place is then not known.
    expect(answer.withoutPlace).toBeNull()
    // A filter that finds few is not truncated.
    expect(await map('?status=done')).toMatchObject({ total: 1, truncated: false, withoutPlace: 0 })
  })
})
