import { describe, expect, it } from 'vitest'
import { makeDistrict, makeTheme } from '../../test/fixtures'
import { createTestApp, databaseDigest, json, loginAs, request } from '../../test/test-app'

/** An idea's optional point: proposed, changed, removed, entered by staff, shown on the idea. */
const ctx = createTestApp()
const theme = await makeTheme(ctx.db, { name: 'Verkeer' })
const district = await makeDistrict(ctx.db, 'Hoogezand')

const good = {
  title: 'Een zebrapad bij de school in Hoogezand',
  body: 'Kinderen steken hier elke ochtend over tussen de auto’s door.',
  themeId: theme.id,
  districtId: district.id,
}
const POINT = { latitude: 53.16184, longitude: 6.76101 }

describe('an idea with a place', () => {
  it('stores a point with its address and shows it on the idea', async () => {
    const member = await loginAs(ctx, 'member')
    const res = await request(ctx, '/api/ideas', {
      cookie: member.cookie,
      body: { ...good, place: { ...POINT, label: 'Hoofdstraat 10, 9601EA Hoogezand' } },
    })
    expect(res.status).toBe(201)
    const { idea } = await json(res)
    expect(idea.place).toEqual({ ...POINT, label: 'Hoofdstraat 10, 9601EA Hoogezand' })
    const read = await json(await request(ctx, `/api/ideas/${idea.id}`))
    expect(read.idea.place).toEqual({ ...POINT, label: 'Hoofdstraat 10, 9601EA Hoogezand' })
  })

  it('stores a point chosen on the map without an address, and none when none is given', async () => {
    const member = await loginAs(ctx, 'member')
    const withPoint = await json(
      await request(ctx, '/api/ideas', { cookie: member.cookie, body: { ...good, place: POINT } }),
    )
    expect(withPoint.idea.place).toEqual({ ...POINT, label: null })
    const without = await json(
      await request(ctx, '/api/ideas', { cookie: member.cookie, body: { ...good, place: null } }),
    )
    expect(without.idea.place).toBeNull()
    const absent = await json(await request(ctx, '/api/ideas', { cookie: member.cookie, body: good }))
    expect(absent.idea.place).toBeNull()
  })

  it.each([
    ['place.latitude', { latitude: 48.85, longitude: 2.35 }],
    ['place.longitude', { latitude: 53.1, longitude: 9.5 }],
    ['place.longitude', { latitude: 53.1 }],
    ['place.latitude', { longitude: 6.7 }],
    ['place.latitude', { latitude: '53.1', longitude: 6.7 }],
    ['place.label', { ...POINT, label: 'x'.repeat(201) }],
  ])('refuses a bad place with 422 naming %s, and stores nothing', async (field, place) => {
    const member = await loginAs(ctx, 'member')
    const before = await databaseDigest(ctx)
    const res = await request(ctx, '/api/ideas', { cookie: member.cookie, body: { ...good, place } })
    expect(res.status).toBe(422)
    const body = await json(res)
    expect(Object.keys(body.error.fields)).toContain(field)
    expect(await databaseDigest(ctx)).toBe(before)
  })

  it('lets the author change the point, keep it when the edit leaves it out, and remove it', async () => {
    const member = await loginAs(ctx, 'member')
    const { idea } = await json(
      await request(ctx, '/api/ideas', { cookie: member.cookie, body: { ...good, place: POINT } }),
    )
    const edit = (body: unknown) =>
      request(ctx, `/api/ideas/${idea.id}`, { method: 'PATCH', cookie: member.cookie, body })
    const moved = await edit({
      place: { latitude: 53.2089, longitude: 6.8031, label: 'Hoofdweg 5, 9621AA Slochteren' },
    })
    expect(moved.status).toBe(200)
    expect((await json(moved)).idea.place).toEqual({
      latitude: 53.2089,
      longitude: 6.8031,
      label: 'Hoofdweg 5, 9621AA Slochteren',
    })
    const kept = await json(await edit({ title: 'Een zebrapad bij de basisschool' }))
    expect(kept.idea.place.label).toBe('Hoofdweg 5, 9621AA Slochteren')
    const refused = await edit({ place: { latitude: 60, longitude: 6.8 } })
    expect(refused.status).toBe(422)
    expect((await json(refused)).error.fields).toHaveProperty(['place.latitude'])
    const removed = await json(await edit({ place: null }))
    expect(removed.idea.place).toBeNull()
  })

  it('lets staff enter an idea with a place on behalf of a resident', async () => {
    const staff = await loginAs(ctx, 'staff')
    const res = await request(ctx, '/api/staff/ideas', {
      cookie: staff.cookie,
      body: {
        ...good,
        channel: 'phone',
        place: { ...POINT, label: 'Hoofdstraat 10, 9601EA Hoogezand' },
        submitter: { displayName: 'Mevrouw Bakker', targetGroup: 'resident' },
      },
    })
    expect(res.status).toBe(201)
    expect((await json(res)).idea.place).toEqual({ ...POINT, label: 'Hoofdstraat 10, 9601EA Hoogezand' })
    const bad = await request(ctx, '/api/staff/ideas', {
      cookie: staff.cookie,
      body: {
        ...good,
        channel: 'phone',
        place: { latitude: 0, longitude: 0 },
        submitter: { displayName: 'X Y', targetGroup: 'resident' },
      },
    })
    expect(bad.status).toBe(422)
    expect(Object.keys((await json(bad)).error.fields)).toContain('place.latitude')
  })
})
