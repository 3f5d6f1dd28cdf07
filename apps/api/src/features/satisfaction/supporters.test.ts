import type { TargetGroup } from '@meedenken/shared'
import { describe, expect, it } from 'vitest'
import { votes } from '../../db/schema'
import { makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { createTestApp, json, request } from '../../test/test-app'

const ctx = createTestApp()
const theme = await makeTheme(ctx.db)
const author = await makeUser(ctx.db)
const north = await makeDistrict(ctx.db, 'Noorddorp')
const south = await makeDistrict(ctx.db, 'Zuiddorp')
const east = await makeDistrict(ctx.db, 'Oostdorp')

type Voters = Array<[count: number, group: TargetGroup | null, districtId: number | null]>

/** An idea with these voters, written straight to the database: the breakdown reads only votes and users. */
async function ideaWith(voters: Voters): Promise<number> {
  const idea = await makeIdea(ctx.db, { authorId: author.id, themeId: theme.id })
  for (const [count, targetGroup, districtId] of voters) {
    for (let i = 0; i < count; i++) {
      const user = await makeUser(ctx.db, { targetGroup, districtId })
      await ctx.db.insert(votes).values({ ideaId: idea.id, userId: user.id, createdAt: 1 })
    }
  }
  return idea.id
}

async function breakdown(ideaId: number) {
  const res = await request(ctx, `/api/ideas/${ideaId}/supporters`)
  expect(res.status).toBe(200)
  return json(res)
}

describe('supporters of an idea', () => {
  it('says nothing about the group or village of a lone voter', async () => {
    const id = await ideaWith([[1, 'entrepreneur', east.id]])
    const b = await breakdown(id)
    expect(b).toEqual({
      total: 1,
      byTargetGroup: [],
      otherTargetGroups: null,
      byDistrict: [],
      otherDistricts: null,
      suppressedBelow: 5,
    })
    expect(JSON.stringify(b)).not.toContain('entrepreneur')
  })

  it('shows nothing per group while fewer than 5 people voted, even if they are all alike', async () => {
    const b = await breakdown(await ideaWith([[4, 'resident', north.id]]))
    expect(b).toMatchObject({
      total: 4,
      byTargetGroup: [],
      otherTargetGroups: null,
      byDistrict: [],
      otherDistricts: null,
    })
  })

  it('shows groups of 5 or more and folds smaller ones, unnamed, into one "other" line of at least 5', async () => {
    // 7 residents, 3 entrepreneurs and 3 organisations: the 6 others together are enough.
    const b = await breakdown(
      await ideaWith([
        [7, 'resident', north.id],
        [3, 'entrepreneur', south.id],
        [3, 'organisation', east.id],
      ]),
    )
    expect(b.total).toBe(13)
    expect(b.byTargetGroup).toEqual([{ targetGroup: 'resident', count: 7 }])
    expect(b.otherTargetGroups).toBe(6)
    expect(b.byDistrict).toEqual([{ districtId: north.id, count: 7 }])
    expect(b.otherDistricts).toBe(6)
  })

  it('folds the smallest group shown into "other" too when the others alone would be fewer than 5', async () => {
    // The total is public: showing 10 residents and 7 entrepreneurs would tell that the
    // 20th voter is an organisation. So the 7 entrepreneurs join the "other" line.
    const b = await breakdown(
      await ideaWith([
        [10, 'resident', north.id],
        [7, 'entrepreneur', south.id],
        [3, 'organisation', south.id],
      ]),
    )
    expect(b.byTargetGroup).toEqual([{ targetGroup: 'resident', count: 10 }])
    expect(b.otherTargetGroups).toBe(10)
    // Districts: 10 north, 10 south, nobody small: both shown, no "other" line.
    expect(b.byDistrict).toEqual(
      expect.arrayContaining([
        { districtId: north.id, count: 10 },
        { districtId: south.id, count: 10 },
      ]),
    )
    expect(b.byDistrict).toHaveLength(2)
    expect(b.otherDistricts).toBeNull()
  })

  it('counts everyone under "other" when every group is small but together they are 5 or more', async () => {
    const b = await breakdown(
      await ideaWith([
        [2, 'resident', north.id],
        [2, 'entrepreneur', south.id],
        [2, null, null],
      ]),
    )
    expect(b).toMatchObject({ total: 6, byTargetGroup: [], otherTargetGroups: 6, byDistrict: [], otherDistricts: 6 })
  })

  it('never lets a hidden group be worked out as the total minus the lines shown', async () => {
    const cases: Voters[] = [
      [
        [5, 'resident', north.id],
        [4, 'entrepreneur', south.id],
      ],
      [
        [5, 'resident', north.id],
        [5, 'entrepreneur', south.id],
        [1, 'organisation', east.id],
      ],
      [
        [9, 'resident', null],
        [1, null, east.id],
      ],
      [
        [5, 'resident', north.id],
        [5, 'entrepreneur', north.id],
        [5, 'organisation', south.id],
        [4, null, east.id],
      ],
    ]
    for (const voters of cases) {
      const b = await breakdown(await ideaWith(voters))
      for (const [lines, other] of [
        [b.byTargetGroup, b.otherTargetGroups],
        [b.byDistrict, b.otherDistricts],
      ] as const) {
        const shown = lines.reduce((sum: number, line: { count: number }) => sum + line.count, 0)
        for (const line of lines) expect(line.count).toBeGreaterThanOrEqual(5)
        // What is left after the lines shown is either nothing or at least 5 people.
        const rest = b.total - shown
        expect(rest === 0 || rest >= 5, JSON.stringify(b)).toBe(true)
        expect(other).toBe(rest === 0 ? null : rest)
      }
    }
  })
})
