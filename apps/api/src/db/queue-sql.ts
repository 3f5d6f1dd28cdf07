/**
 * Conditions and orders of the staff queues, shared by the partial and expression indexes
 * in schema.ts and the queries that read them. Written out, not bound as parameters:
 * SQLite uses a partial index only when the query repeats its condition word for word,
 * and an expression index only for the same expression (decision 010).
 */

/** Ideas the municipality is still working on. */
export const OPEN_STATUSES = ['new', 'under_review', 'planned', 'in_progress'] as const
/** Ideas that owe the public regular updates: "stale" when those stop. */
export const UPDATE_STATUSES = ['planned', 'in_progress'] as const

const list = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(', ')

/** `status in (…)` of the open statuses, for an index's WHERE and a query's (with the column given). */
export const openStatusSql = (status = 'status') => `${status} in (${list(OPEN_STATUSES)})`
export const updateStatusSql = (status = 'status') => `${status} in (${list(UPDATE_STATUSES)})`

/** A department's or colleague's queue: unanswered ideas oldest first, then answered ones by last update. */
export const answeredLastSql = (column: (name: string) => string = (name) => name) =>
  `case when ${column('first_response_at')} is null then ${column('created_at')} else 10000000000000 + coalesce(${column('last_public_update_at')}, ${column('created_at')}) end`
