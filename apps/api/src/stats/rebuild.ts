import { eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { installationSettings } from '../config/installation.data'
import type { Db } from '../db/open'
import { ideas, settings, statsCounters } from '../db/schema'
import { dueAt, workingDaysBetween } from '../domain/working-days'
import { countersChanged, MAX_ANSWER_DAYS } from './counters.data'
import { monthOf } from './periods'

/** Raise when the counters' meaning changes: the next start rebuilds them from the rows. */
export const STATS_VERSION = '1'
const MARKER = 'stats_version'

/**
 * Recomputes every scorecard counter (and the per-idea columns they rest on) from the raw
 * rows, in one transaction. Used after bulk loads (demo, benchmark) and when STATS_VERSION
 * changes; in normal operation the counters move with each event.
 */
export function rebuildStats(db: Db): void {
  const norm = installationSettings(db).responseNormDays
  countersChanged()
  db.transaction((tx) => {
    tx.run(
      sql`update ideas set author_group = (select target_group from users where users.id = ideas.author_id) where author_group is null`,
    )
    tx.run(sql`update ideas set done_at = (select max(created_at) from status_changes s where s.idea_id = ideas.id and s.to_status = 'done')
      where status = 'done' and done_at is null`)
    for (const row of tx
      .select({ id: ideas.id, createdAt: ideas.createdAt })
      .from(ideas)
      .where(isNull(ideas.responseDueAt))
      .all()) {
      tx.update(ideas)
        .set({ responseDueAt: dueAt(row.createdAt, norm) })
        .where(eq(ideas.id, row.id))
        .run()
    }
    const unmeasured = tx
      .select({ id: ideas.id, createdAt: ideas.createdAt, firstResponseAt: ideas.firstResponseAt })
      .from(ideas)
      .where(sql`${isNotNull(ideas.firstResponseAt)} and ${isNull(ideas.firstResponseWorkingDays)}`)
      .all()
    for (const row of unmeasured) {
      tx.update(ideas)
        .set({ firstResponseWorkingDays: workingDaysBetween(row.createdAt, row.firstResponseAt ?? row.createdAt) })
        .where(eq(ideas.id, row.id))
        .run()
    }

    const counts = new Map<string, number>()
    const add = (themeId: number, month: string, group: string | null, metric: string) => {
      const key = JSON.stringify([themeId, month, group ?? 'unknown', metric])
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const ideaRows = tx.all<{
      theme_id: number
      created_at: number
      author_group: string | null
      channel: string
      status: string
      first_response_at: number | null
      first_response_working_days: number | null
      response_due_at: number | null
      decline_reason: string | null
    }>(sql`select theme_id, created_at, author_group, channel, status, first_response_at, first_response_working_days,
        response_due_at,
        (select decline_reason from status_changes s where s.idea_id = ideas.id and s.to_status = 'declined'
          order by s.created_at desc, s.id desc limit 1) as decline_reason
      from ideas`)
    for (const i of ideaRows) {
      const month = monthOf(i.created_at)
      add(i.theme_id, month, i.author_group, 'received')
      add(i.theme_id, month, i.author_group, `channel:${i.channel}`)
      add(i.theme_id, month, i.author_group, `status:${i.status}`)
      if (i.status === 'declined' && i.decline_reason)
        add(i.theme_id, month, i.author_group, `decline:${i.decline_reason}`)
      if (i.first_response_at !== null) {
        add(i.theme_id, month, i.author_group, 'answered')
        add(
          i.theme_id,
          month,
          i.author_group,
          `answer_days:${Math.min(i.first_response_working_days ?? 0, MAX_ANSWER_DAYS)}`,
        )
        if (i.response_due_at === null || i.first_response_at <= i.response_due_at) {
          add(i.theme_id, month, i.author_group, 'within_norm')
        }
      }
    }
    const ratingRows = tx.all<{ theme_id: number; created_at: number; rater_group: string | null; score: number }>(
      sql`select i.theme_id, r.created_at, r.rater_group, r.score from ratings r join ideas i on i.id = r.idea_id`,
    )
    for (const r of ratingRows) {
      const month = monthOf(r.created_at)
      add(r.theme_id, month, r.rater_group, 'rating_n')
      add(r.theme_id, month, r.rater_group, `rating_score:${r.score}`)
      if (r.score >= 4) add(r.theme_id, month, r.rater_group, 'rating_45')
    }
    const followupRows = tx.all<{ theme_id: number; created_at: number; rater_group: string | null; answer: string }>(
      sql`select i.theme_id, f.created_at, f.rater_group, f.answer from followup_answers f join ideas i on i.id = f.idea_id`,
    )
    for (const f of followupRows) add(f.theme_id, monthOf(f.created_at), f.rater_group, `followup:${f.answer}`)

    tx.delete(statsCounters).run()
    for (const [key, count] of counts) {
      const [themeId, month, targetGroup, metric] = JSON.parse(key) as [number, string, string, string]
      tx.insert(statsCounters).values({ themeId, month, targetGroup, metric, count }).run()
    }
    tx.insert(settings)
      .values({ key: MARKER, value: STATS_VERSION })
      .onConflictDoUpdate({ target: settings.key, set: { value: STATS_VERSION } })
      .run()
  })
}

/** At start: rebuild only when the counters were made by another version (or never). */
export function ensureStats(db: Db): boolean {
  const current = db.select({ value: settings.value }).from(settings).where(eq(settings.key, MARKER)).get()?.value
  if (current === STATS_VERSION) return false
  rebuildStats(db)
  return true
}
