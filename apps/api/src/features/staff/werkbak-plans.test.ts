import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { INBOX_TABS, WERKBAK_COUNT_CAP } from '@meedenken/shared'
import pino from 'pino'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp } from '../../app'
import { openDatabase } from '../../db/open'
import { LiveHub } from '../../live/live-hub'
import { testSettings } from '../../settings'
import { makeDepartment, makeDistrict, makeIdea, makeTheme, makeUser } from '../../test/fixtures'
import { TestClock } from '../../test/test-app'

/**
 * The Werkbak's requests at a few thousand ideas, every tab with every filter, through an
 * app whose database logs each statement; then SQLite says how it would run each one. None
 * may scan the ideas table: at 100,000 ideas a scan is the difference between a
 * millisecond and a hundred.
 */
const captured: { sql: string; params: unknown[] }[] = []
const file = path.join(mkdtempSync(path.join(tmpdir(), 'meedenken-werkbak-plans-')), 'plans.db')
copyFileSync(inject('templateDatabase'), file)
const db = openDatabase(file, { queryLogger: { logQuery: (sql, params) => captured.push({ sql, params }) } })
const app = createApp({
  db,
  settings: testSettings({ databasePath: file }),
  logger: pino({ level: 'silent' }),
  clock: new TestClock(),
  live: new LiveHub(db),
})

let staffCookie = ''
const filters: string[] = []

// Seeding thousands of rows takes longer than the default hook time on a busy 2-core host.
beforeAll(async () => {
  const themes = await Promise.all(Array.from({ length: 7 }, () => makeTheme(db)))
  const districts = await Promise.all(Array.from({ length: 22 }, () => makeDistrict(db)))
  const departments = await Promise.all(Array.from({ length: 6 }, () => makeDepartment(db)))
  const users = await Promise.all(Array.from({ length: 300 }, () => makeUser(db)))
  const colleagues = await Promise.all(Array.from({ length: 12 }, () => makeUser(db, { role: 'staff' })))
  const statuses = ['new', 'new', 'new', 'under_review', 'planned', 'in_progress', 'done', 'done', 'declined', 'merged']
  await db.transaction(async (tx) => {
    for (let i = 0; i < 3000; i++) {
      await makeIdea(tx, {
        authorId: users[i % 300]?.id ?? 0,
        themeId: themes[i % 7]?.id ?? 0,
        districtId: i % 4 === 0 ? null : (districts[i % 22]?.id ?? null),
        status: statuses[i % 10] as 'new',
        title: `Idee ${i} over ${i % 2 ? 'fietsenrekken bij het station' : 'afval in het park'}`,
      })
    }
  })
  // As in real life: most ideas answered, in a department; a few handed to a colleague.
  db.$client.exec(`update ideas set first_response_at = created_at + 86400000,
    last_public_update_at = created_at + 86400000 * (id % 60) where id % 10 != 0`)
  const place = db.$client.prepare('update ideas set department_id = ?, assignee_id = ? where id = ?')
  db.$client.transaction(() => {
    for (const id of db.$client.prepare('select id from ideas').pluck().all() as number[]) {
      place.run(id % 7 ? departments[id % 6]?.id : null, id % 5 ? null : colleagues[id % 12]?.id, id)
    }
  })()
  db.$client.exec('ANALYZE')
  const { loginAs } = await import('../../test/test-app')
  const harness = { app, db, clock: new TestClock(), settings: testSettings(), file }
  const staff = await loginAs(harness, 'staff')
  staffCookie = staff.cookie
  db.$client.exec(`update users set department_id = ${departments[1]?.id} where id = ${staff.userId}`)
  db.$client.exec(`update ideas set assignee_id = ${staff.userId} where id % 50 = 3`)
  const [theme, district, department, colleague] = [themes[2], districts[3], departments[2], colleagues[4]]
  filters.push(
    '',
    'q=fiets',
    'q=fiets%20station',
    'q=afval%20park&status=new',
    `theme=${theme?.id}`,
    `district=${district?.id}`,
    'status=planned',
    'status=merged',
    `department=${department?.id}`,
    'department=none',
    `assignee=${colleague?.id}`,
    'assignee=none',
    `theme=${theme?.id}&district=${district?.id}&status=new`,
    `q=fiets&theme=${theme?.id}&department=${department?.id}`,
  )
}, 90_000)

/**
 * A tab's count stops at WERKBAK_COUNT_CAP matches. For a filter most ideas pass (no
 * colleague yet), reading the table until the cap is reached is the planner's cheapest
 * way, and it stops early: allowed when at least half the ideas match, so at most twice
 * the cap is read. Any other scan fails.
 */
function boundedCount(sql: string, params: unknown[]): boolean {
  if (!sql.includes('"capped"') || params.at(-1) !== WERKBAK_COUNT_CAP) return false
  const all = db.$client
    .prepare(sql)
    .pluck()
    .get(...params.slice(0, -1), Number.MAX_SAFE_INTEGER) as number
  const total = db.$client.prepare('select count(*) from ideas').pluck().get() as number
  return all >= total / 2
}

function scans(): string[] {
  const found: string[] = []
  for (const { sql, params } of captured) {
    if (!/^\s*select/i.test(sql)) continue
    const plan = db.$client.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[]
    const details = plan.map((p) => p.detail)
    for (const detail of details) {
      if (/\bSCAN (ideas|votes|comments|users)\b/.test(detail) && !boundedCount(sql, params)) {
        found.push(`${detail}   ← ${sql} ${JSON.stringify(params)}`)
      }
    }
    // Narrowing only on "hidden" and then sorting is a whole-table sort in disguise.
    const hiddenOnly = details.some((d) => /^SEARCH ideas USING INDEX \w+ \(hidden=\?\)$/.test(d))
    if (hiddenOnly && details.some((d) => d.startsWith('USE TEMP B-TREE FOR ORDER BY'))) {
      found.push(`sorts every visible idea: ${details.join(' | ')}   ← ${sql}`)
    }
  }
  return found
}

describe('query plans of the Werkbak', () => {
  it('serves every tab with every filter and search, and its counts, from indexes only, on every page', async () => {
    captured.length = 0
    for (const tab of INBOX_TABS) {
      for (const filter of filters) {
        const url = `/api/staff/inbox?tab=${tab}&limit=50&${filter}`
        const first = await app.request(url, { headers: { cookie: staffCookie } })
        expect(first.status, url).toBe(200)
        const { nextCursor } = (await first.json()) as { nextCursor: string | null }
        if (nextCursor) {
          const next = await app.request(`${url}&cursor=${nextCursor}`, { headers: { cookie: staffCookie } })
          expect(next.status, url).toBe(200)
        }
      }
    }
    expect(captured.length).toBeGreaterThan(INBOX_TABS.length * filters.length)
    expect(scans()).toEqual([])
  })
})
