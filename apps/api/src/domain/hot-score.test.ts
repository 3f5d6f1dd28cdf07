import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DECIDED_OFFSET, HOT_TAU_MS, hotScoreAdding, hotScoreOf, hotScoreShift, newIdeaHotScore } from './hot-score'

const DAY = 86_400_000
const now = Date.parse('2027-03-01T12:00:00Z')

describe('the hot score ("Populair nu")', () => {
  it('ranks recent support above more support long ago', () => {
    const lastMonth = hotScoreOf(now - 40 * DAY, Array(10).fill(now - 30 * DAY), 'planned')
    const today = hotScoreOf(now - 40 * DAY, Array(3).fill(now), 'planned')
    expect(today).toBeGreaterThan(lastMonth)
  })

  it('weighs a vote a week old e⁻¹ of one today, whenever it is read', () => {
    const created = now - 30 * DAY
    const base = hotScoreOf(created, [], 'new')
    const withOld = hotScoreOf(created, [now - HOT_TAU_MS], 'new')
    const withNew = hotScoreOf(created, [now], 'new')
    const term = (score: number) => Math.exp(score) - Math.exp(base)
    expect(term(withOld) / term(withNew)).toBeCloseTo(Math.exp(-1), 10)
  })

  it('puts every decided idea after every open one, whatever their support', () => {
    const busyDone = hotScoreOf(now - DAY, Array(5000).fill(now), 'done')
    const quietNew = hotScoreOf(now - 400 * DAY, [], 'new')
    expect(quietNew).toBeGreaterThan(busyDone)
    expect(hotScoreShift('in_progress', 'done')).toBe(-DECIDED_OFFSET)
    expect(hotScoreShift('declined', 'under_review')).toBe(DECIDED_OFFSET)
    expect(hotScoreShift('new', 'planned')).toBe(0)
  })

  it('adds a term in SQL as the sum counted afresh does', () => {
    const db = drizzle({ client: new Database(':memory:') })
    const created = now - 20 * DAY
    const events = [now - 9 * DAY, now - 2 * DAY, now - 3_600_000, now]
    for (const status of ['new', 'done']) {
      let score = hotScoreOf(created, [], status)
      for (const at of events) {
        score = db.get<{ s: number }>(sql`select ${hotScoreAdding(score, at, status)} as s`).s
      }
      expect(score).toBeCloseTo(hotScoreOf(created, events, status), 9)
    }
    expect(newIdeaHotScore(created)).toBe(hotScoreOf(created, [], 'new'))
  })
})
