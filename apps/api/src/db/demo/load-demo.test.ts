import { IDEA_STATUSES } from '@meedenken/shared'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../test/test-app'
import { ideas, themes, users, votes } from '../schema'
import { loadDemoData } from './load-demo'

describe('demo data', () => {
  it('loads once; a second start leaves everything as it was', async () => {
    const { db, clock } = createTestApp()
    expect(await loadDemoData(db, clock)).toEqual({ loaded: true })
    const before = {
      ideas: db.select({ n: count() }).from(ideas).get()?.n,
      users: db.select({ n: count() }).from(users).get()?.n,
      votes: db.select({ n: count() }).from(votes).get()?.n,
      themes: db.select({ n: count() }).from(themes).get()?.n,
    }
    expect(await loadDemoData(db, clock)).toEqual({ loaded: false })
    expect({
      ideas: db.select({ n: count() }).from(ideas).get()?.n,
      users: db.select({ n: count() }).from(users).get()?.n,
      votes: db.select({ n: count() }).from(votes).get()?.n,
      themes: db.select({ n: count() }).from(themes).get()?.n,
    }).toEqual(before)
    expect(before.ideas).toBeGreaterThanOrEqual(12)
  })

  it('covers every status and keeps each vote count equal to its votes', async () => {
    const { db, clock } = createTestApp()
    await loadDemoData(db, clock)
    const rows = db.select().from(ideas).all()
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(IDEA_STATUSES))
    for (const idea of rows) {
      const n = db.$client.prepare('select count(*) as n from votes where idea_id = ?').get(idea.id) as { n: number }
      expect(idea.voteCount, idea.title).toBe(n.n)
    }
  })
})
