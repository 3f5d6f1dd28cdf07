import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { installationSettings } from '../config/installation.data'
import type { Db } from '../db/open'
import { followupAnswers, ideas, ratings, settings, statsCounters } from '../db/schema'
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
export async function rebuildStats(db: Db): Promise<void> {
  const norm = (await installationSettings(db)).responseNormDays
  countersChanged()
  await db.transaction(async (tx) => {
    await tx
      .update(ideas)
      .set({ authorGroup: sql`(select target_group from users where users.id = ideas.author_id)` })
      .where(isNull(ideas.authorGroup))
    await tx
      .update(ideas)
      .set({
        doneAt: sql`(select max(created_at) from status_changes s where s.idea_id = ideas.id and s.to_status = 'done')`,
      })
      .where(and(eq(ideas.status, 'done'), isNull(ideas.doneAt)))
    for (const row of await tx
      .select({ id: ideas.id, createdAt: ideas.createdAt })
      .from(ideas)
      .where(isNull(ideas.responseDueAt))) {
      await tx
        .update(ideas)
        .set({ responseDueAt: dueAt(row.createdAt, norm) })
        .where(eq(ideas.id, row.id))
    }
    const unmeasured = await tx
      .select({ id: ideas.id, createdAt: ideas.createdAt, firstResponseAt: ideas.firstResponseAt })
      .from(ideas)
      .where(sql`${isNotNull(ideas.firstResponseAt)} and ${isNull(ideas.firstResponseWorkingDays)}`)

    for (const row of unmeasured) {
      await tx
        .update(ideas)
        .set({ firstResponseWorkingDays: workingDaysBetween(row.createdAt, row.firstResponseAt ?? row.createdAt) })
        .where(eq(ideas.id, row.id))
    }

    const counts = new Map<string, number>()
    const add = (themeId: number, month: string, group: string | null, metric: string) => {
      const key = JSON.stringify([themeId, month, group ?? 'unknown', metric])
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const ideaRows = await tx
      .select({
        themeId: ideas.themeId,
        createdAt: ideas.createdAt,
        authorGroup: ideas.authorGroup,
        channel: ideas.channel,
        status: ideas.status,
        firstResponseAt: ideas.firstResponseAt,
        firstResponseWorkingDays: ideas.firstResponseWorkingDays,
        responseDueAt: ideas.responseDueAt,
        declineReason: sql<string | null>`(select decline_reason from status_changes s
          where s.idea_id = ideas.id and s.to_status = 'declined' order by s.created_at desc, s.id desc limit 1)`,
      })
      .from(ideas)
    for (const i of ideaRows) {
      const month = monthOf(i.createdAt)
      add(i.themeId, month, i.authorGroup, 'received')
      add(i.themeId, month, i.authorGroup, `channel:${i.channel}`)
      add(i.themeId, month, i.authorGroup, `status:${i.status}`)
      if (i.status === 'declined' && i.declineReason) add(i.themeId, month, i.authorGroup, `decline:${i.declineReason}`)
      if (i.firstResponseAt !== null) {
        add(i.themeId, month, i.authorGroup, 'answered')
        add(
          i.themeId,
          month,
          i.authorGroup,
          `answer_days:${Math.min(i.firstResponseWorkingDays ?? 0, MAX_ANSWER_DAYS)}`,
        )
        if (i.responseDueAt === null || i.firstResponseAt <= i.responseDueAt) {
          add(i.themeId, month, i.authorGroup, 'within_norm')
        }
      }
    }
    const ratingRows = await tx
      .select({
        themeId: ideas.themeId,
        createdAt: ratings.createdAt,
        raterGroup: ratings.raterGroup,
        score: ratings.score,
      })
      .from(ratings)
      .innerJoin(ideas, eq(ideas.id, ratings.ideaId))
    for (const r of ratingRows) {
      const month = monthOf(r.createdAt)
      add(r.themeId, month, r.raterGroup, 'rating_n')
      add(r.themeId, month, r.raterGroup, `rating_score:${r.score}`)
      if (r.score >= 4) add(r.themeId, month, r.raterGroup, 'rating_45')
    }
    const followupRows = await tx
      .select({
        themeId: ideas.themeId,
        createdAt: followupAnswers.createdAt,
        raterGroup: followupAnswers.raterGroup,
        answer: followupAnswers.answer,
      })
      .from(followupAnswers)
      .innerJoin(ideas, eq(ideas.id, followupAnswers.ideaId))
    for (const f of followupRows) add(f.themeId, monthOf(f.createdAt), f.raterGroup, `followup:${f.answer}`)

    await tx.delete(statsCounters)
    for (const [key, count] of counts) {
      const [themeId, month, targetGroup, metric] = JSON.parse(key) as [number, string, string, string]
      await tx.insert(statsCounters).values({ themeId, month, targetGroup, metric, count })
    }
    await tx
      .insert(settings)
      .values({ key: MARKER, value: STATS_VERSION })
      .onConflictDoUpdate({ target: settings.key, set: { value: STATS_VERSION } })
  })
}

/** At start: rebuild only when the counters were made by another version (or never). */
export async function ensureStats(db: Db): Promise<boolean> {
  const current = (
    await db.select({ value: settings.value }).from(settings).where(eq(settings.key, MARKER)).limit(1)
  )[0]?.value
  if (current === STATS_VERSION) return false
  await rebuildStats(db)
  return true
}
