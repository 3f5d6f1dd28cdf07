import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp } from '../../app'
import { openDatabase } from '../../db/open'
import { comments, votes } from '../../db/schema'
import { LiveHub } from '../../live/live-hub'
import { testSettings } from '../../settings'
import { makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { TestClock } from '../../test/test-app'

/**
 * Runs the real list, search, detail, comment and vote requests through an app whose
 * database logs every statement, then asks SQLite how it would run each one. None may
 * scan the ideas, votes or comments tables: at 100,000 ideas a scan is the difference
 * between a millisecond and a hundred.
 */
const captured: { sql: string; params: unknown[] }[] = []
const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-plans-')), 'plans.db')
copyFileSync(inject('templateDatabase'), file)
const db = openDatabase(file, { queryLogger: { logQuery: (sql, params) => captured.push({ sql, params }) } })
const app = createApp({
  db,
  settings: testSettings({ databasePath: file }),
  logger: pino({ level: 'silent' }),
  clock: new TestClock(),
  live: new LiveHub(db),
})

let ideaId = 0
let cookie = ''
let staffCookie = ''

// Seeding thousands of rows takes longer than the default hook time on a busy 2-core host.
beforeAll(async () => {
  // Enough rows, spread like the real thing, for ANALYZE to give the planner honest statistics.
  const themes = await Promise.all(Array.from({ length: 7 }, () => makeTheme(db)))
  const districts = await Promise.all(Array.from({ length: 22 }, () => makeDistrict(db)))
  const users = await Promise.all(Array.from({ length: 300 }, () => makeUser(db)))
  const statuses = [
    'new',
    'new',
    'new',
    'under_review',
    'planned',
    'in_progress',
    'done',
    'done',
    'declined',
    'merged',
  ] as const
  await db.transaction(async (tx) => {
    for (let i = 0; i < 3000; i++) {
      const idea = await makeIdea(tx, {
        authorId: users[i % 300]?.id ?? 0,
        themeId: themes[i % 7]?.id ?? 0,
        districtId: i % 4 === 0 ? null : (districts[i % 22]?.id ?? null),
        status: statuses[i % 10],
        title: `Idee ${i} over ${i % 2 ? 'fietsenrekken bij het station' : 'afval in het park'}`,
        voteCount: i % 50,
        commentCount: i % 9,
      })
      for (let v = 0; v < i % 12; v++) {
        await tx.insert(votes).values({ ideaId: idea.id, userId: users[(i + v) % 300]?.id ?? 0, createdAt: 1 })
      }
      for (let c = 0; c < i % 4; c++) {
        await tx.insert(comments).values({
          ideaId: idea.id,
          authorId: users[c]?.id ?? 0,
          body: 'x',
          bodyHtml: 'x',
          createdAt: c,
          updatedAt: c,
        })
      }
      if (i === 10) ideaId = idea.id
    }
  })
  // As in real life, most ideas have had their first answer; a few wait.
  db.$client.exec(`update ideas set first_response_at = created_at + 86400000,
    last_public_update_at = created_at + 86400000 * (id % 60) where id % 10 != 0`)
  db.$client.exec('ANALYZE')
  const { loginAs } = await import('../../test/test-app')
  const harness = { app, db, clock: new TestClock(), settings: testSettings(), file }
  cookie = (await loginAs(harness, 'member')).cookie
  staffCookie = (await loginAs(harness, 'staff')).cookie
}, 90_000)

const FILTERS = [
  '',
  'status=planned',
  'status=done',
  'status=declined',
  'theme=2',
  'district=3',
  'targetGroup=entrepreneur',
  'targetGroup=organisation&status=done',
  'targetGroup=entrepreneur&theme=2',
  'status=planned&theme=2&district=3',
  'campaign=1',
  'q=fiets',
  'q=fiets%20station&status=new',
]
const SORTS = ['trending', 'top', 'new', 'discussed', 'updated', 'relevance']

/** How SQLite would run a captured statement: the details of its query plan, in order. */
function planOf({ sql, params }: { sql: string; params: unknown[] }): string[] {
  const plan = db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]
  return plan.map((p) => p.detail)
}

function scans(): string[] {
  const found: string[] = []
  for (const { sql, params } of captured) {
    if (!/^\s*select/i.test(sql)) continue
    const details = planOf({ sql, params })
    for (const detail of details) {
      if (/\bSCAN (ideas|votes|comments|users)\b/.test(detail)) found.push(`${detail}   ← ${sql}`)
    }
    // Narrowing only on "hidden" and then sorting is a whole-table sort in disguise.
    const hiddenOnly = details.some((d) => /^SEARCH ideas USING INDEX \w+ \(hidden=\?\)$/.test(d))
    if (hiddenOnly && details.some((d) => d.startsWith('USE TEMP B-TREE FOR ORDER BY'))) {
      found.push(`sorts every visible idea: ${details.join(' | ')}   ← ${sql}`)
    }
  }
  return found
}

describe('query plans of the hot paths', () => {
  it('lists, filters, sorts and searches from indexes only, on every page', async () => {
    captured.length = 0
    for (const sort of SORTS) {
      for (const filter of FILTERS) {
        const first = await app.request(`/api/ideas?sort=${sort}&${filter}`, { headers: { cookie } })
        expect(first.status).toBe(200)
        const { nextCursor } = (await first.json()) as { nextCursor: string | null }
        if (nextCursor)
          await app.request(`/api/ideas?sort=${sort}&${filter}&cursor=${nextCursor}`, { headers: { cookie } })
      }
    }
    expect(captured.length).toBeGreaterThan(SORTS.length * FILTERS.length)
    expect(scans()).toEqual([])
  })

  it('reads "Populair nu" within one status from an index on that status, not by walking every open idea first', async () => {
    // Decided ideas sit at the end of the trending order: a plan that narrows on "hidden"
    // alone walks past every open idea to find them (85–95 ms at 100k ideas).
    for (const status of ['done', 'declined', 'planned']) {
      captured.length = 0
      expect((await app.request(`/api/ideas?sort=trending&status=${status}`)).status).toBe(200)
      const ids = captured.find(({ sql }) => /order by "ideas"\."hot_score" desc/.test(sql))
      expect(ids, status).toBeDefined()
      const details = ids ? planOf(ids).join(' | ') : ''
      expect(details, status).toMatch(/SEARCH ideas USING (COVERING )?INDEX \w+ \(hidden=\? AND status=\?\)/)
      expect(details, status).not.toMatch(/TEMP B-TREE/)
    }
  })

  it('counts the ideas of every filter from indexes only, a target group too', async () => {
    captured.length = 0
    for (const filter of FILTERS) {
      expect((await app.request(`/api/ideas/count?${filter}`)).status, filter).toBe(200)
    }
    expect(captured.length).toBeGreaterThanOrEqual(FILTERS.length)
    expect(scans()).toEqual([])
  })

  it('reads an idea, its comments and similar ideas, and votes, from indexes only', async () => {
    captured.length = 0
    expect((await app.request(`/api/ideas/${ideaId}`, { headers: { cookie } })).status).toBe(200)
    expect((await app.request(`/api/ideas/${ideaId}/comments`)).status).toBe(200)
    expect((await app.request('/api/ideas/similar?title=fietsenrekken%20bij%20de%20school')).status).toBe(200)
    expect((await app.request(`/api/ideas/${ideaId}/vote`, { method: 'PUT', headers: { cookie } })).status).toBe(200)
    expect(scans()).toEqual([])
  })

  it('serves the staff inbox, roadmap, "Jij zei, wij deden" and the scorecard from indexes only', async () => {
    captured.length = 0
    for (const tab of ['needs_answer', 'overdue', 'mine', 'department', 'stale', 'reported']) {
      expect((await app.request(`/api/staff/inbox?tab=${tab}`, { headers: { cookie: staffCookie } })).status).toBe(200)
    }
    for (const path of [
      '/api/roadmap',
      '/api/roadmap?theme=2',
      '/api/you-said-we-did',
      '/api/stats/scorecard',
      '/api/staff/dashboard',
    ]) {
      expect((await app.request(path, { headers: { cookie: staffCookie } })).status, path).toBe(200)
    }
    expect(scans()).toEqual([])
    // A department's or a colleague's unanswered ideas are counted from the index alone: at
    // 100k ideas a department has thousands, and reading each row took 5 ms (40 ms cold).
    const queueCounts = captured.filter(({ sql }) =>
      /^select count\(\*\) from "ideas" where \("ideas"\."(department|assignee)_id" (= \?|is null) and \("ideas"\."hidden" = \? and "ideas"\."first_response_at" is null/.test(
        sql,
      ),
    )
    expect(queueCounts.length).toBeGreaterThan(0)
    for (const statement of queueCounts) {
      expect(planOf(statement).join(' | '), statement.sql).toMatch(/COVERING INDEX/)
    }
  })
})
