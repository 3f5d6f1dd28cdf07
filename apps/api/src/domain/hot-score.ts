import { type SQL, sql } from 'drizzle-orm'

/**
 * "Populair nu": recent support. Every event (the idea coming in, each vote, each visible
 * comment) adds exp((t − t0) / τ) to a sum, so an event a week old weighs e⁻¹ ≈ 0.37 of one
 * today, and the sum never needs a recount as time passes: an event only ever adds (or, when
 * taken back, subtracts) its own term. The stored score is the sum's natural logarithm, so it
 * stays a small number for centuries; adding a term is `ln(e^h + e^x)` (log-add-exp). Taking
 * one back is counted afresh from the rows (ideas.data recountHotScore): subtracting the
 * dominant term of a sum of exponentials would lose the small ones to rounding.
 *
 * Decided ideas (done, declined, merged) come after every open one: their score sits
 * DECIDED_OFFSET lower, an amount no difference in support can bridge. So one stored column,
 * read from an index, gives "open first, then by recent support" (docs/decisions/018).
 */
export const HOT_EPOCH = Date.parse('2026-01-01T00:00:00Z')
/** The time in which an event's weight falls to 1/e. */
export const HOT_TAU_MS = 7 * 86_400_000
export const DECIDED_OFFSET = 1000

export const DECIDED_STATUSES = ['done', 'declined', 'merged'] as const

export function isDecided(status: string): boolean {
  return (DECIDED_STATUSES as readonly string[]).includes(status)
}

/** An event's exponent: (t − t0) / τ. */
export function hotExponent(at: number): number {
  return (at - HOT_EPOCH) / HOT_TAU_MS
}

/** ln(Σ e^x), computed without overflow. */
export function logSumExp(exponents: number[]): number {
  const top = Math.max(...exponents)
  return top + Math.log(exponents.reduce((sum, x) => sum + Math.exp(x - top), 0))
}

/**
 * The score from every event's time: the idea coming in, then each vote and each visible
 * comment. For data written in bulk (the demo, the benchmark, tests).
 */
export function hotScoreOf(createdAt: number, eventTimes: readonly number[], status: string): number {
  const score = logSumExp([hotExponent(createdAt), ...eventTimes.map(hotExponent)])
  return isDecided(status) ? score - DECIDED_OFFSET : score
}

/** A new idea: only its coming in counts. */
export function newIdeaHotScore(createdAt: number): number {
  return hotExponent(createdAt)
}

/** 0 or DECIDED_OFFSET, from the row's own status: the shift its score carries. */
function offsetOf(status: SQL | unknown): SQL {
  return sql`(case when ${status} in ('done', 'declined', 'merged') then ${sql.raw(String(DECIDED_OFFSET))} else 0 end)`
}

/** The exponent of an event at `at` (ms) as SQL, shifted as the row's score is. */
function exponentSql(at: SQL | unknown, status: SQL | unknown): SQL {
  return sql`((${at} - ${sql.raw(String(HOT_EPOCH))}) / ${sql.raw(`${HOT_TAU_MS}.0`)} - ${offsetOf(status)})`
}

/**
 * The score after one more event at `at`: log-add-exp in SQL, with only abs, ln and exp
 * (max(a, b) written as (a + b + |a − b|) / 2), so it reads the same on SQLite and PostgreSQL.
 */
export function hotScoreAdding(score: SQL | unknown, at: SQL | unknown, status: SQL | unknown): SQL {
  return logAddExp(score, exponentSql(at, status))
}

/**
 * The score after several events at once, given as one exponent: logSumExp of their
 * exponents (hotExponent), so n votes in one write add exactly what n writes would.
 */
export function hotScoreAddingExponent(score: SQL | unknown, exponent: SQL | unknown, status: SQL | unknown): SQL {
  // "double precision" is a float on both engines (SQLite reads any type with "DOUB" as REAL);
  // without the cast PostgreSQL would take the placeholder for an integer.
  return logAddExp(score, sql`(cast(${exponent} as double precision) - ${offsetOf(status)})`)
}

function logAddExp(score: SQL | unknown, x: SQL): SQL {
  return sql`((${score} + ${x} + abs(${score} - ${x})) / 2.0 + ln(1 + exp(-abs(${score} - ${x}))))`
}

/** The score when the status changes from `from` to `to`: decided ideas move behind open ones. */
export function hotScoreShift(from: string, to: string): number {
  return (isDecided(from) ? DECIDED_OFFSET : 0) - (isDecided(to) ? DECIDED_OFFSET : 0)
}
