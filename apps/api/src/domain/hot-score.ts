import { type SQL, sql } from 'drizzle-orm'

/**
 * Reddit-style "hot" score: log10 of activity plus the creation time in units of
 * 12.5 hours. Ten times the activity is worth 12.5 hours of freshness. It depends only
 * on stored values, so it is recomputed on each vote or comment and read from an index.
 */
export function hotScore(voteCount: number, commentCount: number, createdAtMs: number): number {
  const activity = Math.max(1, voteCount + commentCount)
  return Math.log10(activity) + createdAtMs / 1000 / 45_000
}

/** The same formula in SQL, for updates that touch many ideas at once. */
export function hotScoreSql(voteCount: SQL | unknown, commentCount: SQL | unknown, createdAtMs: SQL | unknown): SQL {
  return sql`(log10(max(1, ${voteCount} + ${commentCount})) + ${createdAtMs} / 1000.0 / 45000.0)`
}

/** The same formula as SQL text over column names, for prepared statements on hot paths. */
export function hotScoreExpression(votes: string, comments: string, createdAt: string): string {
  return `(log10(max(1, ${votes} + ${comments})) + ${createdAt} / 1000.0 / 45000.0)`
}
