import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp } from '../../app'
import { openDatabase } from '../../db/open'
import { LiveHub } from '../../live/live-hub'
import { testSettings } from '../../settings'
import { makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { TestClock } from '../../test/test-app'

/**
 * The map's statements as SQLite would run them, as query-plans.test.ts does for the list:
 * none may scan the ideas table, and the map without filters walks ideas_on_map, the index of
 * the ideas that have a place. SQLite's only: vitest.postgres.config.ts leaves this file out, and
 * the bench checks PostgreSQL's plans.
 */
describe('query plans of the map', () => {
  const captured: { sql: string; params: unknown[] }[] = []
  let db: ReturnType<typeof openDatabase>
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-map-plans-')), 'plans.db')
    copyFileSync(inject('templateDatabase'), file)
    db = openDatabase(file, { queryLogger: { logQuery: (sql, params) => captured.push({ sql, params }) } })
    app = createApp({
      db,
      settings: testSettings({ databasePath: file }),
      logger: pino({ level: 'silent' }),
      clock: new TestClock(),
      live: new LiveHub(db),
    })
    const themes = await Promise.all(Array.from({ length: 7 }, () => makeTheme(db)))
    const districts = await Promise.all(Array.from({ length: 22 }, () => makeDistrict(db)))
    const users = await Promise.all(Array.from({ length: 100 }, () => makeUser(db)))
    const statuses = ['new', 'new', 'under_review', 'planned', 'in_progress', 'done', 'done', 'declined'] as const
    await db.transaction(async (tx) => {
      for (let i = 0; i < 3000; i++) {
        await makeIdea(tx, {
          authorId: users[i % 100]?.id ?? 0,
          themeId: themes[i % 7]?.id ?? 0,
          districtId: i % 4 === 0 ? null : (districts[i % 22]?.id ?? null),
          status: statuses[i % 8],
          title: `Idee ${i} over ${i % 2 ? 'fietsenrekken bij het station' : 'afval in het park'}`,
        })
      }
    })
    // One idea in ten has a place, as a municipality might see it.
    db.$client.exec('update ideas set latitude = 53.1 + id / 100000.0, longitude = 6.8 where id % 10 = 0')
    db.$client.exec('ANALYZE')
  }, 90_000)

  /**
   * The plans of the map's own statements, those that ask for a place (`points`: only the one
   * that reads the points). How many ideas the list finds is the list's count (countIdeas).
   */
  function plans(points = false): string[][] {
    return captured
      .filter(({ sql }) => /"latitude" is not null/.test(sql) && (!points || /order by "ideas"."id" desc/i.test(sql)))
      .map(({ sql, params }) =>
        (db.$client.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[]).map(
          (p) => p.detail,
        ),
      )
  }

  it('answers the map with and without filters from indexes only, the whole map from ideas_on_map', async () => {
    captured.length = 0
    const res = await app.request('/api/map/ideas')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { total: number }).total).toBe(300)
    expect(plans(true).map((plan) => plan.join(' | '))).toEqual([expect.stringMatching(/ideas_on_map/)])
    for (const filter of ['status=done', 'theme=2', 'district=3', 'targetGroup=entrepreneur', 'q=fiets']) {
      expect((await app.request(`/api/map/ideas?${filter}`)).status, filter).toBe(200)
    }
    const scans = plans()
      .flat()
      .filter((detail) => /\bSCAN ideas\b/.test(detail))
    expect(scans).toEqual([])
  })
})
