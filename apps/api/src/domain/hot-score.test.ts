import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { describe, expect, it } from 'vitest'
import { hotScore, hotScoreExpression, hotScoreSql } from './hot-score'

describe('hot score', () => {
  it('ranks ten times the activity like 12.5 hours of freshness', () => {
    const t = Date.parse('2026-06-01T00:00:00Z')
    expect(hotScore(10, 0, t)).toBeCloseTo(hotScore(1, 0, t + 45_000_000), 9)
    expect(hotScore(0, 0, t)).toBe(hotScore(1, 0, t))
  })

  it('gives the same value in SQL as in TypeScript', () => {
    const db = drizzle({ client: new Database(':memory:') })
    for (const [v, c, t] of [
      [0, 0, 1_700_000_000_000],
      [41, 3, 1_790_000_000_123],
      [100_000, 2_000, 1_800_000_000_000],
    ] as const) {
      const row = db.get<{ score: number }>(sql`select ${hotScoreSql(v, c, t)} as score`)
      expect(row.score).toBeCloseTo(hotScore(v, c, t), 9)
      const raw = db.get<{ score: number }>(
        sql.raw(`select ${hotScoreExpression(String(v), String(c), String(t))} as score`),
      )
      expect(raw.score).toBeCloseTo(hotScore(v, c, t), 9)
    }
  })
})
