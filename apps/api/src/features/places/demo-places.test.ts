import { NL_BOUNDS } from '@meedenken/shared'
import { isNotNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDemoData } from '../../db/demo/load-demo'
import { districts, ideas } from '../../db/schema'
import { createTestApp, json, request } from '../../test/test-app'

/** The demo shows places: about half of the ideas in a village have a point, and villages have rough outlines. */
const ctx = createTestApp()

beforeAll(async () => {
  ctx.clock.set('2026-11-16T10:00:00Z')
  await loadDemoData(ctx.db, ctx.clock)
})

describe('places in the demo', () => {
  it('gives about half of the ideas in a village a point in the Netherlands, in that village', async () => {
    const rows = await ctx.db
      .select({ id: ideas.id, districtId: ideas.districtId, latitude: ideas.latitude, longitude: ideas.longitude })
      .from(ideas)
      .where(isNotNull(ideas.districtId))
    const placed = rows.filter((r) => r.latitude !== null)
    expect(placed.length / rows.length).toBeGreaterThan(0.4)
    expect(placed.length / rows.length).toBeLessThan(0.6)
    for (const r of placed.slice(0, 40)) {
      expect(r.latitude).toBeGreaterThan(NL_BOUNDS.minLatitude)
      expect(r.latitude).toBeLessThan(NL_BOUNDS.maxLatitude)
      const at = await json(await request(ctx, `/api/places/district?latitude=${r.latitude}&longitude=${r.longitude}`))
      expect(at.districtId).toBe(r.districtId)
    }
    const idea = placed[0]
    const read = await json(await request(ctx, `/api/ideas/${idea?.id}`))
    expect(read.idea.place).toEqual({ latitude: idea?.latitude, longitude: idea?.longitude, label: null })
  })

  it('gives every village a rough outline', async () => {
    const all = await ctx.db.select({ id: districts.id, boundary: districts.boundary }).from(districts)
    expect(all.every((d) => d.boundary?.type === 'Polygon')).toBe(true)
    expect((await json(await request(ctx, '/api/places/outlines'))).items).toHaveLength(all.length)
  })
})
